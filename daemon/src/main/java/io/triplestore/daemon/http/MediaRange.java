package io.triplestore.daemon.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One media range of an {@code Accept} header (RFC 9110, 12.5.1): {@code type/subtype}, {@code
 * type/*} or {@code *}{@code /*}, with its q-value (1 unless given).
 */
record MediaRange(String type, String subtype, double quality) {

  /** The ranges of an Accept header; a malformed one is a 400 naming it. */
  static List<MediaRange> parseAll(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        ranges.add(parse(part.strip()));
      }
    }
    return ranges;
  }

  private static MediaRange parse(String text) {
    String[] pieces = text.split(";");
    String[] typeAndSubtype = pieces[0].strip().toLowerCase(Locale.ROOT).split("/", -1);
    if (typeAndSubtype.length != 2 || typeAndSubtype[0].isEmpty() || typeAndSubtype[1].isEmpty()
        || (typeAndSubtype[0].equals("*") && !typeAndSubtype[1].equals("*"))) {
      throw ApiException.badRequest("malformed Accept header: '" + text + "' is not a media range (type/subtype,"
          + " type/* or */*)");
    }
    double quality = 1;
    for (int i = 1; i < pieces.length; i++) {
      String[] parameter = pieces[i].strip().split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
        quality = qValue(parameter[1].strip(), text);
      }
    }
    return new MediaRange(typeAndSubtype[0], typeAndSubtype[1], quality);
  }

  private static double qValue(String value, String range) {
    try {
      double quality = Double.parseDouble(value);
      if (quality >= 0 && quality <= 1 && value.matches("[01](\\.\\d{0,3})?")) {
        return quality;
      }
    } catch (NumberFormatException e) {
      // the message below says what is allowed
    }
    throw ApiException.badRequest("malformed Accept header: q-value '" + value + "' of '" + range
        + "' must be from 0 to 1 with up to three decimals");
  }

  /**
   * The q-value {@code ranges} give {@code mediaType}: that of the most specific range that
   * matches it (exact over {@code type/*} over {@code *}{@code /*}), 0 when none does; with
   * {@code exactOnly}, wildcards do not count.
   */
  static double quality(List<MediaRange> ranges, String mediaType, boolean exactOnly) {
    String[] parts = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
    int bestSpecificity = -1;
    double quality = 0;
    for (MediaRange range : ranges) {
      int specificity = range.specificity(parts[0], parts[1]);
      if (specificity > bestSpecificity && (!exactOnly || specificity == 2)) {
        bestSpecificity = specificity;
        quality = range.quality;
      }
    }
    return quality;
  }

  /** 2 for an exact match, 1 for type/*, 0 for *&#47;*, -1 when this range does not match. */
  private int specificity(String otherType, String otherSubtype) {
    if (type.equals("*")) {
      return 0;
    }
    if (!type.equals(otherType)) {
      return -1;
    }
    if (subtype.equals("*")) {
      return 1;
    }
    return subtype.equals(otherSubtype) ? 2 : -1;
  }
}
