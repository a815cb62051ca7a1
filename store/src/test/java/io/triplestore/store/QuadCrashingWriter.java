package io.triplestore.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A store in a JVM of its own, for {@link QuadSigkillTest} to kill at a random moment: it writes
 * step after step and prints {@code acknowledged N} once step N returned. A step either adds
 * {@link #step(int)}'s quads (named graphs and the default graph) plus two quads to a scratch
 * graph, in one atomic change that also removes one quad of the step before; or, every tenth
 * step, clears the scratch graph. So a kill can cut an atomic quad write or a graph clear.
 */
public final class QuadCrashingWriter {

  static final String ACKNOWLEDGED = "acknowledged ";
  static final Iri SCRATCH = Iri.of("urn:graph:scratch");

  private QuadCrashingWriter() {}

  static boolean clears(int step) {
    return step % 10 == 0;
  }

  /** The quads step {@code step} adds and keeps: four in graph {@code step % 3}, one in the default graph. */
  static List<Quad> step(int step) {
    List<Quad> quads = new ArrayList<>();
    Term graph = step % 3 == 0 ? BlankNode.of("graph" + step % 2) : Iri.of("urn:graph:" + step % 3);
    for (int i = 0; i < 4; i++) {
      quads.add(Quad.of(Iri.of("urn:s" + step), Iri.of("urn:p" + i), Literal.of("step " + step + " #" + i), graph));
    }
    quads.add(Quad.of(Iri.of("urn:s" + step), Iri.of("urn:in-default"), Iri.of("urn:o" + (step % 50)), null));
    return quads;
  }

  /** The quad of step {@code step} that step {@code step + 1} removes. */
  static Quad removedByNextStep(int step) {
    return Quad.of(Iri.of("urn:s" + step), Iri.of("urn:p" + "transient"), Literal.of("gone next step"), null);
  }

  public static void main(String[] args) {
    TripleStore store = TripleStore.open(Path.of(args[0]), StoreOptions.builder().syncWrites(true).build());
    for (int step = 1; ; step++) {
      if (clears(step)) {
        store.clear(GraphSelector.named(SCRATCH));
      } else {
        List<Quad> adds = new ArrayList<>(step(step));
        adds.add(removedByNextStep(step));
        adds.add(Quad.of(Iri.of("urn:s" + step), Iri.of("urn:scratch"), Literal.of("a"), SCRATCH));
        adds.add(Quad.of(Iri.of("urn:s" + step), Iri.of("urn:scratch"), Literal.of("b"), SCRATCH));
        store.change(List.of(removedByNextStep(step - 1)), adds);
      }
      System.out.println(ACKNOWLEDGED + step);
      System.out.flush();
    }
  }
}
