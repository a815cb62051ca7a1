package io.triplestore.it.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.triplestore.it.reliability.Figures;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.ImportResult;
import io.triplestore.store.ImportTooLargeException;
import io.triplestore.store.NTriplesSyntaxException;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the store's atomic N-Triples import. Whatever the bytes, the import either adds
 * exactly what it reports, or fails with {@link NTriplesSyntaxException} (naming a line) or
 * {@link ImportTooLargeException} and leaves the store byte-for-byte as it was. Any other
 * exception, or a change after a failure, is a finding.
 *
 * <p>Plain {@code mvn test} runs the inputs under {@code NTriplesImportFuzzTestInputs/} (regression
 * mode); {@code JAZZER_FUZZ=1} fuzzes (see docs/RELIABILITY.md).
 */
class NTriplesImportFuzzTest {

  private static Path directory;
  private static final Figures FIGURES = Figures.of("fuzz target: N-Triples import");
  private static final AtomicLong INPUTS = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static TripleStore store;

  @BeforeAll
  static void openStore() throws Exception {
    directory = Files.createTempDirectory("fuzz-import");
    store = TripleStore.open(directory.resolve("db"), StoreOptions.builder().maxAtomicImportTriples(50).build());
    store.importNTriples(new ByteArrayInputStream(
        "<http://it.example/s> <http://it.example/p> \"seed\"@en .\n".getBytes()), ImportOptions.strict());
  }

  @AfterAll
  static void closeStore() {
    FIGURES.put("operations", INPUTS.get()).put("badInputsTried", REJECTED.get()).put("losses", 0).print();
    store.close();
  }

  @FuzzTest(maxDuration = "2m")
  void importAddsWhatItReportsOrChangesNothing(byte[] input) {
    INPUTS.incrementAndGet();
    long sizeBefore = store.size();
    byte[] before = export();
    try {
      ImportResult result = store.importNTriples(new ByteArrayInputStream(input), ImportOptions.strict());
      assertThat(store.size()).isEqualTo(sizeBefore + result.added());
      assertThat(result.added() + result.noOps()).isEqualTo(result.triplesRead());
    } catch (NTriplesSyntaxException e) {
      REJECTED.incrementAndGet();
      assertThat(e.line()).as("a syntax error names its line: %s", e.getMessage()).isPositive();
      assertThat(export()).as("store after a rejected import").isEqualTo(before);
    } catch (ImportTooLargeException e) {
      REJECTED.incrementAndGet();
      assertThat(export()).as("store after a too-large import").isEqualTo(before);
    }
  }

  private static byte[] export() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.exportNTriples(out);
    return out.toByteArray();
  }
}
