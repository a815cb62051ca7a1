package io.triplestore.store;

import java.io.InputStream;

/**
 * The most one line and one term of an RDF input may hold, in UTF-8 bytes, so that no single
 * input can exhaust the heap: a line is refused as it streams in, before it is buffered whole, and
 * a term once it is parsed. The store holds terms up to {@link #maxTermBytes()}; the line limit is
 * the larger one, since a line carries three or four terms and its syntax. The line limit applies
 * to the line-based formats (N-Triples, N-Quads) only: a Turtle or JSON-LD document may put
 * everything on one line.
 *
 * @param maxLineBytes the most bytes of one line, its end of line not counted
 * @param maxTermBytes the most bytes of one term (an IRI, a blank node label, or a literal's text
 *     with its language or datatype, {@code xsd:string} not counted)
 */
public record InputLimits(int maxLineBytes, int maxTermBytes) {

  /** 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
  /** 64 KiB. */
  public static final int DEFAULT_MAX_TERM_BYTES = 64 << 10;
  /** The limits of an import that sets none. */
  public static final InputLimits DEFAULT = new InputLimits(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_TERM_BYTES);

  public InputLimits {
    if (maxLineBytes < 1 || maxTermBytes < 1) {
      throw new IllegalArgumentException("input limits must be positive: maxLineBytes=" + maxLineBytes
          + ", maxTermBytes=" + maxTermBytes);
    }
  }

  /** {@code in}, failing with {@link InputLimitException} as soon as a line grows past the limit. */
  public InputStream limitLines(InputStream in) {
    return new LineLengthLimit(in, maxLineBytes);
  }

  /**
   * {@code triple}, if each of its terms fits.
   *
   * @param line the input line it came from, for the message
   * @throws InputLimitException naming the first term that does not
   */
  public Triple check(Triple triple, long line) {
    String problem = oversizedTerm(triple);
    if (problem != null) {
      throw new InputLimitException(InputLimitException.Limit.TERM, maxTermBytes, line, problem);
    }
    return triple;
  }

  /** Why a term of {@code triple} is too large, or null when every term fits. */
  String oversizedTerm(Triple triple) {
    return oversizedTerm(Quad.inDefaultGraph(triple));
  }

  /** Why a term of {@code quad} (its graph included) is too large, or null when every term fits. */
  String oversizedTerm(Quad quad) {
    for (Term term : new Term[] {quad.subject(), quad.predicate(), quad.object(), quad.graph()}) {
      if (term == null) {
        continue; // the default graph
      }
      long bytes = utf8Bytes(term);
      if (bytes > maxTermBytes) {
        return "a term of " + bytes + " bytes, more than the " + maxTermBytes + " one term may have";
      }
    }
    return null;
  }

  /** The UTF-8 bytes of a term's text (with its datatype or language, for a literal). */
  static long utf8Bytes(Term term) {
    if (term instanceof Iri iri) {
      return utf8Bytes(iri.value());
    }
    if (term instanceof BlankNode node) {
      return utf8Bytes(node.label());
    }
    Literal literal = (Literal) term;
    if (literal.language() != null) {
      return utf8Bytes(literal.lexicalForm()) + literal.language().length();
    }
    // xsd:string is implied, not written: a plain literal is its text.
    return utf8Bytes(literal.lexicalForm())
        + (literal.datatype().equals(Literal.XSD_STRING) ? 0 : utf8Bytes(literal.datatype().value()));
  }

  private static long utf8Bytes(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
