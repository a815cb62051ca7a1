package io.triplestore.daemon.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.common.lang.FileFormat;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The result formats {@code /sparql} offers, by kind of query, in order of preference (the first
 * is what a client without {@code Accept} gets): SELECT and ASK results as SPARQL JSON, XML, CSV
 * and TSV (ASK: JSON, XML, text); CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD, RDF/XML,
 * N-Quads and TriG. A few common aliases ({@code application/json}, {@code application/xml}) are
 * offered after the registered types.
 *
 * <p>Concurrency: immutable after class initialisation; shared by every request thread.
 */
final class SparqlFormats {

  static final SparqlFormats TUPLE = new SparqlFormats(Map.of(
      "application/json", TupleQueryResultFormat.JSON, "application/xml", TupleQueryResultFormat.SPARQL),
      TupleQueryResultFormat.JSON, TupleQueryResultFormat.SPARQL, TupleQueryResultFormat.CSV,
      TupleQueryResultFormat.TSV);
  static final SparqlFormats BOOLEAN = new SparqlFormats(Map.of(
      "application/json", BooleanQueryResultFormat.JSON, "application/xml", BooleanQueryResultFormat.SPARQL),
      BooleanQueryResultFormat.JSON, BooleanQueryResultFormat.SPARQL, BooleanQueryResultFormat.TEXT);
  static final SparqlFormats GRAPH = new SparqlFormats(Map.of(), RDFFormat.TURTLE, RDFFormat.NTRIPLES,
      RDFFormat.JSONLD, RDFFormat.RDFXML, RDFFormat.NQUADS, RDFFormat.TRIG);

  private final Map<String, FileFormat> byMediaType = new LinkedHashMap<>();

  private SparqlFormats(Map<String, FileFormat> aliases, FileFormat... formats) {
    for (FileFormat format : formats) {
      byMediaType.put(format.getDefaultMIMEType(), format);
    }
    aliases.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(alias -> byMediaType.put(alias.getKey(), alias.getValue()));
  }

  /**
   * The format the request's {@code Accept} prefers.
   *
   * @throws ApiException 406 naming what is offered, or 400 for a malformed header
   */
  FileFormat negotiate(String accept, String what) {
    List<String> offers = new ArrayList<>(byMediaType.keySet());
    return Negotiation.choose(accept, offers).map(byMediaType::get).orElseThrow(() ->
        new ApiException(406, "not_acceptable", "no offered format of " + what + " is acceptable (Accept: "
            + accept + "); offered: " + String.join(", ", offers)).with("offered", offers));
  }

  /** The {@code Content-Type} of a reply in {@code format}. */
  static String contentType(FileFormat format) {
    return format.hasCharset() ? format.getDefaultMIMEType() + "; charset=utf-8" : format.getDefaultMIMEType();
  }
}
