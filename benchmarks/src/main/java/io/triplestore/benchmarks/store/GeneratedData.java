package io.triplestore.benchmarks.store;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A deterministic N-Triples data set with a realistic mix: entities with a type, a language-tagged
 * name, a longer plain label, typed integer and date literals, and links to other entities. Eight
 * triples per entity, half with IRI objects and half with literals.
 */
public final class GeneratedData {

  static final String BASE = "http://bench.example.org/";
  static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  static final String KNOWS = BASE + "knows";
  static final int TRIPLES_PER_ENTITY = 8;
  private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

  private GeneratedData() {}

  static int entities(int triples) {
    return Math.max(1, triples / TRIPLES_PER_ENTITY);
  }

  static String entity(int index) {
    return BASE + "entity/" + index;
  }

  /** Writes the file once per size and seed; later runs (and forks) reuse it. */
  static Path file(int triples) {
    Path file = directory().resolve("generated-" + triples + ".nt");
    if (Files.exists(file)) {
      return file;
    }
    Path partial = directory().resolve("generated-" + triples + ".nt.partial");
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      write(triples, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.move(partial, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same statements as N-Quads: the entities of every other block of 1,000 in one of 20 named
   * graphs (all eight statements of an entity in its graph), the rest in the default graph.
   */
  static Path nquadsFile(int quads) {
    Path file = directory().resolve("generated-" + quads + ".nq");
    if (Files.exists(file)) {
      return file;
    }
    Path partial = directory().resolve("generated-" + quads + ".nq.partial");
    try (BufferedReader in = Files.newBufferedReader(file(quads), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String triple = in.readLine(); triple != null; triple = in.readLine(), line++) {
        long entity = line / TRIPLES_PER_ENTITY;
        if ((entity / 1000) % 2 == 0) {
          out.write(triple);
        } else {
          // "<s> <p> <o> ." becomes "<s> <p> <o> <g> ."
          out.write(triple, 0, triple.length() - 1);
          out.write("<" + BASE + "graph/" + (entity % 20) + "> .");
        }
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.move(partial, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(int triples, BufferedWriter out) throws IOException {
    SplittableRandom random = new SplittableRandom(20261126L);
    int entities = entities(triples);
    for (int e = 0; e < entities; e++) {
      String s = "<" + entity(e) + "> ";
      out.write(s + "<" + RDF_TYPE + "> <" + BASE + "class/C" + (e % 50) + "> .\n");
      out.write(s + "<http://xmlns.com/foaf/0.1/name> \"Name " + e + "\"@" + (e % 3 == 0 ? "en" : "de") + " .\n");
      out.write(s + "<http://www.w3.org/2000/01/rdf-schema#label> \"Entity number " + e
          + ", described at some length so that literals are not all tiny\" .\n");
      out.write(s + "<" + BASE + "age> \"" + random.nextInt(100) + "\"^^<" + XSD + "integer> .\n");
      out.write(s + "<" + BASE + "created> \"20" + (10 + random.nextInt(15)) + "-0" + (1 + random.nextInt(9))
          + "-1" + random.nextInt(10) + "\"^^<" + XSD + "date> .\n");
      int known = random.nextInt(entities);
      // A second, different acquaintance: every generated triple is distinct.
      int alsoKnown = (known + 1 + random.nextInt(Math.max(1, entities - 1))) % entities;
      out.write(s + "<" + KNOWS + "> <" + entity(known) + "> .\n");
      out.write(s + "<" + KNOWS + "> <" + entity(alsoKnown) + "> .\n");
      out.write(s + "<" + BASE + "p" + random.nextInt(16) + "> <" + entity(random.nextInt(entities)) + "> .\n");
    }
  }

  /**
   * Where generated files and databases live, for the SPARQL mix too: {@code -Dbench.dir}, default
   * {@code tmp/triplestore-bench}.
   */
  public static Path directory() {
    Path directory = Path.of(System.getProperty("bench.dir",
        Path.of(System.getProperty("java.io.tmpdir"), "triplestore-bench").toString()));
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
