package io.triplestore.store;

import java.io.IOException;
import java.io.OutputStream;
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
    if (value instanceof BNode node) {
      writer.write("_:");
      writer.write(node.getID());
    } else {
      super.writeValue(value);
    }
  }
}
