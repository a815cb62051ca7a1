package io.triplestore.store;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.UnsupportedRDFormatException;
import org.eclipse.rdf4j.rio.nquads.NQuadsWriter;
import org.eclipse.rdf4j.rio.trig.TriGWriter;

/** Writes quads in any format Rio writes; the one writer of every export. */
final class RdfOutput {

  private RdfOutput() {}

  /**
   * Writes every quad of {@code quads} (which it closes) in {@code format}; returns how many.
   *
   * @throws IllegalArgumentException when {@code format} has no graphs and {@code graphs} selects
   *     more than one graph, or when Rio has no writer for it; nothing is written then
   */
  static long write(OutputStream out, RDFFormat format, GraphSelector graphs, CloseableIterator<Quad> quads) {
    try (quads) {
      if (!format.supportsContexts() && !(graphs instanceof GraphSelector.DefaultGraph || graphs instanceof GraphSelector.Named)) {
        throw new IllegalArgumentException(format.getName() + " holds one graph only: choose the default graph or one named graph, "
            + "or a format with graphs (N-Quads, TriG, JSON-LD)");
      }
      RDFWriter writer = writer(out, format);
      long written = 0;
      writer.startRDF();
      while (quads.hasNext()) {
        Quad quad = quads.next();
        // A format without graphs gets the one graph's statements as triples.
        writer.handleStatement(RdfValues.toStatement(format.supportsContexts() ? quad : Quad.inDefaultGraph(quad.triple())));
        written++;
      }
      writer.endRDF();
      return written;
    }
  }

  private static RDFWriter writer(OutputStream out, RDFFormat format) {
    if (format.equals(RDFFormat.NTRIPLES)) {
      return new NTriplesOutput(out);
    }
    if (format.equals(RDFFormat.NQUADS)) {
      return new NQuadsOutput(out);
    }
    if (format.equals(RDFFormat.TRIG)) {
      return new TriGOutput(out);
    }
    try {
      return Rio.createWriter(format, out);
    } catch (UnsupportedRDFormatException e) {
      throw new IllegalArgumentException("cannot write " + format.getName() + ": " + e.getMessage(), e);
    }
  }

  /** RDF4J's N-Quads writer, except that blank node labels are written as stored (see {@link NTriplesOutput}). */
  private static final class NQuadsOutput extends NQuadsWriter {
    NQuadsOutput(OutputStream out) {
      super(out);
    }

    @Override
    protected void writeValue(Value value) throws IOException {
      if (!NTriplesOutput.writeBlankNodeAsStored(writer, value)) {
        super.writeValue(value);
      }
    }
  }

  /**
   * RDF4J's TriG writer, except that a graph named by a blank node keeps its label: RDF4J writes
   * it as {@code [] { ... }}, a fresh blank node, so a TriG export read back would not name the
   * stored graph.
   */
  private static final class TriGOutput extends TriGWriter {
    TriGOutput(OutputStream out) {
      super(out);
    }

    @Override
    protected void writeBNode(BNode node, boolean canShorten) throws IOException {
      super.writeBNode(node, false);
    }
  }
}
