package io.triplestore.daemon.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * The RDF media types of {@code /triples}: which format a request body is in ({@code
 * Content-Type}), and which one a reply is written in ({@code Accept}, negotiated with q-values).
 *
 * <p>Every media type Rio knows for the six formats is accepted, except {@code text/plain} (Rio's
 * alias of N-Triples): a web page can send {@code text/plain}, forms and multipart to any site
 * without a CORS preflight, so accepting it would let any page write to the store.
 */
final class RdfMediaTypes {

  /** The formats read and written, each with its media types, the preferred one first. */
  static final List<RDFFormat> FORMATS = List.of(RDFFormat.NTRIPLES, RDFFormat.NQUADS, RDFFormat.TURTLE,
      RDFFormat.TRIG, RDFFormat.RDFXML, RDFFormat.JSONLD);

  private static final String NO_PREFLIGHT = "text/plain";
  private static final Map<String, RDFFormat> BY_TYPE = byType();

  private RdfMediaTypes() {}

  private static Map<String, RDFFormat> byType() {
    Map<String, RDFFormat> types = new LinkedHashMap<>();
    for (RDFFormat format : FORMATS) {
      for (String type : format.getMIMETypes()) {
        if (!type.equals(NO_PREFLIGHT)) {
          types.putIfAbsent(type.toLowerCase(Locale.ROOT), format);
        }
      }
    }
    return Map.copyOf(types);
  }

  /** Every accepted media type, preferred ones first, comma-separated: for error messages. */
  static String accepted(List<RDFFormat> formats) {
    List<String> types = new ArrayList<>();
    for (RDFFormat format : formats) {
      types.add(format.getDefaultMIMEType());
    }
    for (RDFFormat format : formats) {
      format.getMIMETypes().stream().filter(type -> !type.equals(NO_PREFLIGHT) && !types.contains(type)).forEach(types::add);
    }
    return String.join(", ", types);
  }

  /**
   * The format of a body with Content-Type {@code header}.
   *
   * @throws ApiException 415 naming the supported types when there is none or it is not RDF
   */
  static RDFFormat ofBody(String header) {
    if (header == null || header.isBlank()) {
      throw unsupported("the body needs a Content-Type");
    }
    RDFFormat format = BY_TYPE.get(mediaType(header));
    if (format == null) {
      throw unsupported("'" + header.strip() + "' is not a supported RDF media type");
    }
    return format;
  }

  private static ApiException unsupported(String problem) {
    String accepted = accepted(FORMATS);
    return new ApiException(415, "unsupported_media_type", problem + "; send one of: " + accepted)
        .with("accepted", accepted);
  }

  /**
   * The format to answer with: of {@code candidates} (in the server's order of preference), the
   * one the {@code Accept} header gives the highest q-value, its most specific matching range
   * deciding; ties go to the server's order. No header means any.
   *
   * @return empty when the header accepts none of the candidates (q=0 refuses a type)
   */
  static Optional<RDFFormat> negotiate(String accept, List<RDFFormat> candidates) {
    if (accept == null || accept.isBlank()) {
      return candidates.stream().findFirst();
    }
    List<MediaRange> ranges = MediaRange.parseAll(accept);
    RDFFormat best = null;
    double bestQuality = 0;
    for (RDFFormat format : candidates) {
      // A wildcard (text/*) matches a format's own type only, not its aliases: text/* is Turtle
      // (text/turtle), not N-Quads for its alias text/x-nquads. An alias counts when named exactly.
      double quality = MediaRange.quality(ranges, format.getDefaultMIMEType(), false);
      for (String alias : format.getMIMETypes()) {
        if (!alias.equals(NO_PREFLIGHT)) {
          quality = Math.max(quality, MediaRange.quality(ranges, alias, true));
        }
      }
      if (quality > bestQuality) {
        best = format;
        bestQuality = quality;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The Content-Type of a reply in {@code format}. */
  static String contentType(RDFFormat format) {
    return format.getDefaultMIMEType() + (format.hasCharset() ? "; charset=utf-8" : "");
  }

  /** {@code type/subtype} of a header value, without parameters, lower case. */
  static String mediaType(String header) {
    return header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
