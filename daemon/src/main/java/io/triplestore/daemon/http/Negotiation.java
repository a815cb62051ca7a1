package io.triplestore.daemon.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP content negotiation (RFC 9110, 12.5.1) over a list of offered media types: each offer gets
 * the quality of the most specific {@code Accept} range that matches it ({@code type/subtype} over
 * {@code type/*} over {@code *}{@code /*}), offers with quality 0 are excluded, and the highest
 * quality wins, ties going to the earlier offer (the server's preference). No {@code Accept} means
 * anything, so the first offer.
 */
final class Negotiation {

  private Negotiation() {}

  /** One range of an {@code Accept} header. */
  private record Range(String type, String subtype, double quality) {

    /** How specific a match is: 3 exact, 2 {@code type/*}, 1 {@code *}{@code /*}, 0 no match. */
    int match(String offerType, String offerSubtype) {
      if (type.equals("*")) {
        return 1;
      }
      if (!type.equals(offerType)) {
        return 0;
      }
      return subtype.equals("*") ? 2 : subtype.equals(offerSubtype) ? 3 : 0;
    }
  }

  /**
   * The offer the client prefers, empty when it accepts none of them.
   *
   * @param accept the {@code Accept} header, or {@code null}
   * @param offers media types without parameters, e.g. {@code text/csv}, the preferred first
   * @throws ApiException 400 when the header is malformed
   */
  static Optional<String> choose(String accept, List<String> offers) {
    if (accept == null || accept.isBlank()) {
      return offers.stream().findFirst();
    }
    List<Range> ranges = parse(accept);
    String best = null;
    double bestQuality = 0;
    for (String offer : offers) {
      String[] parts = offer.split("/", 2);
      double quality = quality(ranges, parts[0], parts[1]);
      if (quality > bestQuality) {
        best = offer;
        bestQuality = quality;
      }
    }
    return Optional.ofNullable(best);
  }

  private static double quality(List<Range> ranges, String type, String subtype) {
    int specificity = 0;
    double quality = 0;
    for (Range range : ranges) {
      int match = range.match(type, subtype);
      if (match > specificity) {
        specificity = match;
        quality = range.quality();
      }
    }
    return quality;
  }

  private static List<Range> parse(String accept) {
    List<Range> ranges = new ArrayList<>();
    for (String element : accept.split(",")) {
      if (element.isBlank()) {
        continue;
      }
      String[] parameters = element.split(";");
      String mediaRange = parameters[0].trim().toLowerCase(Locale.ROOT);
      String[] typeAndSubtype = mediaRange.split("/", -1);
      if (typeAndSubtype.length != 2 || typeAndSubtype[0].isEmpty() || typeAndSubtype[1].isEmpty()
          || (typeAndSubtype[0].equals("*") && !typeAndSubtype[1].equals("*"))) {
        throw malformed(accept, "'" + parameters[0].trim() + "' is not a media range");
      }
      ranges.add(new Range(typeAndSubtype[0], typeAndSubtype[1], quality(accept, parameters)));
    }
    return ranges;
  }

  private static double quality(String accept, String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String[] nameValue = parameters[i].trim().split("=", 2);
      if (nameValue[0].trim().equalsIgnoreCase("q")) {
        String value = nameValue.length == 2 ? nameValue[1].trim() : "";
        // RFC 9110: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
        if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
          throw malformed(accept, "q=" + value + " is not a quality from 0 to 1 with at most 3 decimals");
        }
        return Double.parseDouble(value);
      }
    }
    return 1;
  }

  private static ApiException malformed(String accept, String why) {
    return ApiException.badRequest("malformed Accept header '" + accept + "': " + why);
  }
}
