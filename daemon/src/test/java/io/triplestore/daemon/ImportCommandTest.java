package io.triplestore.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Quad;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.TripleStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triplestored import}: the format by extension or by {@code --format}, and the errors of both. */
class ImportCommandTest {

  private static final String TURTLE = "@prefix ex: <http://example.org/> .\nex:s ex:p \"one\" .\n";
  private static final String TRIG = "@prefix ex: <http://example.org/> .\nex:g { ex:s ex:p \"one\" }\n";
  private static final Quad IN_DEFAULT = new Quad(Iri.of("http://example.org/s"), Iri.of("http://example.org/p"),
      Literal.of("one"), null);
  private static final Quad IN_G = new Quad(IN_DEFAULT.subject(), IN_DEFAULT.predicate(), IN_DEFAULT.object(),
      Iri.of("http://example.org/g"));

  @TempDir Path dir;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @Test
  void theExtensionChoosesTheFormat() throws Exception {
    assertThat(run(file("data.ttl", TURTLE), Optional.empty())).as(output()).isZero();
    assertThat(output()).contains("Turtle").contains("imported 1 triples (1 new");
    assertThat(run(file("data.trig", TRIG), Optional.empty())).as(output()).isZero();
    assertThat(quads()).containsExactlyInAnyOrder(IN_DEFAULT, IN_G);
  }

  @Test
  void aGzippedFileIsReadByTheExtensionBeforeGz() throws Exception {
    Path file = dir.resolve("data.nq.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(IN_G.toNQuads().concat("\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(run(file, Optional.empty())).as(output()).isZero();
    assertThat(quads()).containsExactly(IN_G);
  }

  @Test
  void formatOverridesTheExtension() throws Exception {
    assertThat(run(file("data.txt", TRIG), Optional.of("trig"))).as(output()).isZero();
    assertThat(quads()).containsExactly(IN_G);
  }

  @Test
  void anUnknownFormatOrExtensionIsExit2ListingTheNames() throws Exception {
    assertThat(run(file("data.txt", TURTLE), Optional.empty())).isEqualTo(2);
    assertThat(output()).contains("cannot tell the format of 'data.txt'").contains("--format NAME")
        .contains("ntriples, nquads, turtle, trig, rdfxml, jsonld");
    output.reset();
    assertThat(run(file("data.ttl", TURTLE), Optional.of("n3"))).isEqualTo(2);
    assertThat(output()).contains("unknown --format 'n3'").contains("turtle");
    assertThat(Files.exists(dir.resolve("data"))).as("no store was opened").isFalse();
  }

  @Test
  void aSyntaxErrorIsExit1NamingFormatAndLine() throws Exception {
    assertThat(run(file("bad.ttl", TURTLE + "ex:s ex:p .\n"), Optional.empty())).isEqualTo(1);
    assertThat(output()).contains("import failed").contains("malformed Turtle at line 3");
    assertThat(quads()).isEmpty();
  }

  private int run(Path file, Optional<String> format) throws Exception {
    Configuration config = Configuration.resolve(Map.of("data.dir", dir.resolve("data").toString()), Map.of(),
        Optional.empty());
    return new ImportCommand(config, new PrintStream(output, true, StandardCharsets.UTF_8)).run(file, format);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private List<Quad> quads() {
    try (TripleStore store = TripleStore.open(dir.resolve("data"))) {
      return store.list(QuadPattern.of(null, null, null, GraphSelector.ALL), Long.MAX_VALUE);
    }
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }
}
