package io.triplestore.store;

import java.util.Objects;

/**
 * A literal, in the RDF 1.1 model: every literal has a datatype; a literal with a language tag has
 * datatype {@code rdf:langString}, and a plain literal has {@code xsd:string}.
 *
 * @param lexicalForm the text, unescaped
 * @param datatype the datatype IRI
 * @param language the language tag, or {@code null}; present exactly when the datatype is
 *     {@code rdf:langString}
 */
public record Literal(String lexicalForm, Iri datatype, String language) implements Term {

  public static final Iri XSD_STRING = new Iri("http://www.w3.org/2001/XMLSchema#string");
  public static final Iri RDF_LANG_STRING =
      new Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString");

  public Literal {
    Objects.requireNonNull(lexicalForm, "lexicalForm");
    Objects.requireNonNull(datatype, "datatype");
    boolean langString = datatype.equals(RDF_LANG_STRING);
    if (langString != (language != null)) {
      throw new IllegalArgumentException(langString
          ? "a literal of datatype rdf:langString needs a language tag"
          : "a literal with language tag '" + language + "' must have datatype rdf:langString, not " + datatype);
    }
    if (language != null && language.isEmpty()) {
      throw new IllegalArgumentException("a language tag must not be empty");
    }
  }

  /** A plain literal: datatype {@code xsd:string}. */
  public static Literal of(String lexicalForm) {
    return new Literal(lexicalForm, XSD_STRING, null);
  }

  /** A literal with a language tag, e.g. {@code "chat"@fr}. */
  public static Literal lang(String lexicalForm, String language) {
    return new Literal(lexicalForm, RDF_LANG_STRING, Objects.requireNonNull(language, "language"));
  }

  /** A typed literal, e.g. {@code "1"^^xsd:integer}. */
  public static Literal typed(String lexicalForm, Iri datatype) {
    return new Literal(lexicalForm, datatype, null);
  }

  @Override
  public String toString() {
    return toNTriples();
  }
}
