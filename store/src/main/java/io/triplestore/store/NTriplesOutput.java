package io.triplestore.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.ntriples.NTriplesWriter;

/**
 * RDF4J's N-Triples writer, except that blank node labels are written as stored. RDF4J rewrites
 * labels with characters such as {@code -} or {@code .}, which would give a node another label on
 * re-import; every label a {@link BlankNode} holds is already valid N-Triples.
 */
final class NTriplesOutput extends NTriplesWriter {

  NTriplesOutput(OutputStream out) {
    super(out);
  }

  @Override
  protected void writeValue(Value value) throws IOException {
    if (!writeBlankNodeAsStored(writer, value)) {
      super.writeValue(value);
    }
  }

  /**
   * Writes {@code value} as {@code _:label}, the label as stored, when it is a blank node; false
   * (nothing written) otherwise. Shared with the N-Quads writer, which extends RDF4J's own.
   */
  static boolean writeBlankNodeAsStored(Writer writer, Value value) throws IOException {
    if (!(value instanceof BNode node)) {
      return false;
    }
    writer.write("_:");
    writer.write(node.getID());
    return true;
  }
}
