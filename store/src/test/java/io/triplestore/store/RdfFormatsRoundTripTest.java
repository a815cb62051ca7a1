package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset with every kind of term goes out in each format and back in (export, then importRdf
 * into a fresh store), and every quad survives.
 */
class RdfFormatsRoundTripTest {

  private static final String EX = "http://example.org/";
  private static final Iri P = Iri.of(EX + "p");
  private static final Iri NAME = Iri.of(EX + "prédicat/名前");
  private static final Term G1 = Iri.of(EX + "graph/один");
  private static final Term G2 = BlankNode.of("graphNode");

  static final List<Quad> DATASET = dataset();

  @TempDir Path directory;
  private TripleStore source;

  @BeforeEach
  void open() {
    source = TestStores.open(directory.resolve("source"), new FakeTicker());
    source.addQuads(DATASET);
  }

  @AfterEach
  void close() {
    source.close();
  }

  static List<RDFFormat> formats() {
    return List.of(RDFFormat.NTRIPLES, RDFFormat.NQUADS, RDFFormat.TURTLE, RDFFormat.TRIG, RDFFormat.RDFXML,
        RDFFormat.JSONLD);
  }

  static List<Quad> dataset() {
    Iri s = Iri.of(EX + "straße/ünïcödé?q=ä#frag");
    BlankNode b1 = BlankNode.of("b1");
    BlankNode b2 = BlankNode.of("node2");
    List<Quad> quads = new java.util.ArrayList<>();
    for (Term graph : new Term[] {null, G1, G2}) {
      String tag = graph == null ? "default" : graph.toString();
      quads.add(new Quad(s, P, Literal.of("plain " + tag), graph));
      quads.add(new Quad(s, P, Literal.lang("tagged " + tag, "en-GB"), graph));
      quads.add(new Quad(s, NAME, Literal.typed("42", Iri.of("http://www.w3.org/2001/XMLSchema#integer")), graph));
      quads.add(new Quad(s, P, Literal.of("quote \" back\\slash\nnew line\ttab 😀 𝄞 " + tag), graph));
      quads.add(new Quad(s, P, Literal.typed("custom", Iri.of(EX + "datatype/é")), graph));
      quads.add(new Quad(b1, P, b2, graph));
      quads.add(new Quad(b2, P, Iri.of(EX + "ö/" + tag.hashCode()), graph));
    }
    return List.copyOf(quads);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void everyQuadSurvivesAnExportAndAnImport(RDFFormat format, @TempDir Path target) {
    try (TripleStore copy = TestStores.open(target, new FakeTicker())) {
      if (format.supportsContexts()) {
        copy.importRdf(input(export(GraphSelector.ALL, format)), format, ImportOptions.strict());
        assertSameQuads(format, quads(copy, GraphSelector.ALL), Set.copyOf(DATASET));
      } else {
        // A triple format holds one graph: each goes out alone and comes back as the default graph.
        for (Term graph : new Term[] {null, G1, G2}) {
          copy.clear(GraphSelector.ALL);
          GraphSelector one = graph == null ? GraphSelector.DEFAULT : GraphSelector.named(graph);
          copy.importRdf(input(export(one, format)), format, ImportOptions.strict());
          Set<Quad> expected = DATASET.stream().filter(q -> one.selects(q.graph()))
              .map(q -> Quad.inDefaultGraph(q.triple())).collect(Collectors.toSet());
          assertSameQuads(format, quads(copy, GraphSelector.ALL), expected);
        }
      }
    }
  }

  /**
   * Equal quads where the format keeps blank node labels (the line formats, Turtle, TriG and
   * RDF/XML, read with PRESERVE_BNODE_IDS); isomorphic where RDF4J's JSON-LD parser renames them.
   */
  private static void assertSameQuads(RDFFormat format, Set<Quad> actual, Set<Quad> expected) {
    assertThat(actual).as(format.getName()).hasSameSizeAs(expected);
    if (format.equals(RDFFormat.JSONLD)) {
      assertThat(Models.isomorphic(model(actual), model(expected))).as(format.getName() + " isomorphic").isTrue();
    } else {
      assertThat(actual).as(format.getName()).isEqualTo(expected);
    }
  }

  private static Model model(Set<Quad> quads) {
    Model model = new LinkedHashModel();
    quads.forEach(quad -> model.add(RdfValues.toStatement(quad)));
    return model;
  }

  private byte[] export(GraphSelector graphs, RDFFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    source.export(out, format, graphs);
    return out.toByteArray();
  }

  static Set<Quad> quads(TripleStore store, GraphSelector graphs) {
    return new HashSet<>(store.list(QuadPattern.of(null, null, null, graphs), Long.MAX_VALUE));
  }

  private static ByteArrayInputStream input(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  static ByteArrayInputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
