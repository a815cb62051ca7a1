package io.triplestore.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The dictionary's byte form of a term (the key of {@code str2id}, the value of {@code id2str}):
 * a kind byte, then for language and typed literals the length-prefixed tag or datatype, then the
 * UTF-8 text. Compact and unambiguous, so equal terms have equal bytes.
 */
final class TermCodec {

  private static final byte IRI = 1;
  private static final byte BLANK_NODE = 2;
  private static final byte STRING_LITERAL = 3;
  private static final byte LANG_LITERAL = 4;
  private static final byte TYPED_LITERAL = 5;

  private TermCodec() {}

  static byte[] encode(Term term) {
    if (term instanceof Iri iri) {
      return tagged(IRI, utf8(iri.value()));
    }
    if (term instanceof BlankNode node) {
      return tagged(BLANK_NODE, utf8(node.label()));
    }
    Literal literal = (Literal) term;
    byte[] text = utf8(literal.lexicalForm());
    if (literal.language() != null) {
      return withPrefix(LANG_LITERAL, utf8(literal.language()), text);
    }
    if (literal.datatype().equals(Literal.XSD_STRING)) {
      return tagged(STRING_LITERAL, text);
    }
    return withPrefix(TYPED_LITERAL, utf8(literal.datatype().value()), text);
  }

  static Term decode(byte[] bytes) {
    switch (bytes[0]) {
      case IRI:
        return new Iri(text(bytes, 1));
      case BLANK_NODE:
        return new BlankNode(text(bytes, 1));
      case STRING_LITERAL:
        return Literal.of(text(bytes, 1));
      case LANG_LITERAL:
      case TYPED_LITERAL:
        int prefixLength = ByteBuffer.wrap(bytes, 1, 4).getInt();
        String prefix = new String(bytes, 5, prefixLength, StandardCharsets.UTF_8);
        String lexical = text(bytes, 5 + prefixLength);
        return bytes[0] == LANG_LITERAL ? Literal.lang(lexical, prefix) : Literal.typed(lexical, new Iri(prefix));
      default:
        throw new StoreException("corrupt dictionary entry: unknown term kind " + bytes[0]);
    }
  }

  private static byte[] tagged(byte kind, byte[] text) {
    byte[] bytes = new byte[1 + text.length];
    bytes[0] = kind;
    System.arraycopy(text, 0, bytes, 1, text.length);
    return bytes;
  }

  private static byte[] withPrefix(byte kind, byte[] prefix, byte[] text) {
    return ByteBuffer.allocate(1 + 4 + prefix.length + text.length)
        .put(kind).putInt(prefix.length).put(prefix).put(text).array();
  }

  private static String text(byte[] bytes, int from) {
    return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    // getBytes would silently turn a lone surrogate into '?', storing a different term.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "term text has an unpaired surrogate U+" + Integer.toHexString(c).toUpperCase() + " at index " + i);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
