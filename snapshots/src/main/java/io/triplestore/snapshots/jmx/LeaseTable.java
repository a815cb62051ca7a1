package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.HumanDuration;
import io.triplestore.snapshots.LeaseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Leases as a fixed-width text table, one lease a line, for a reader with a monospaced view:
 * JConsole's operation result dialog, a terminal. Columns are as wide as their widest cell, so
 * every column starts at the same offset on every line; durations are human
 * ({@link HumanDuration}) and creation times ISO-8601.
 */
final class LeaseTable {

  /** Owner labels longer than this are cut, so that one long label cannot push the rest away. */
  static final int MAX_OWNER_WIDTH = 40;

  /**
   * Descriptions (a SPARQL query's id, client and text, say) are cut to this; the last column, so
   * a long one pushes nothing away, but a table line should still fit a wide terminal.
   */
  static final int MAX_DESCRIPTION_WIDTH = 80;

  private static final List<String> HEADER =
      List.of("ID", "OWNER", "AGE", "TTL", "REMAINING", "STATE", "THREAD", "CREATED", "DESCRIPTION");

  private LeaseTable() {}

  /**
   * The table of {@code leases}, with a last line saying how many were left out when
   * {@code liveCount} is larger; {@code emptyText} when there is none.
   */
  static String format(List<LeaseInfo> leases, int liveCount, String emptyText) {
    if (leases.isEmpty()) {
      return emptyText;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    leases.forEach(lease -> rows.add(cells(lease)));
    int[] widths = widths(rows);
    StringJoiner table = new StringJoiner("\n");
    rows.forEach(row -> table.add(line(row, widths)));
    if (liveCount > leases.size()) {
      table.add("(" + (liveCount - leases.size()) + " more; " + liveCount + " live leases)");
    }
    return table.toString();
  }

  private static List<String> cells(LeaseInfo lease) {
    return List.of(
        Long.toString(lease.id()),
        cut(printable(lease.ownerLabel())),
        HumanDuration.format(lease.age()),
        HumanDuration.format(lease.ttl()),
        HumanDuration.format(lease.remaining()),
        state(lease),
        printable(lease.ownerThread()),
        lease.createdAt().toString(),
        description(lease.description()));
  }

  private static String cut(String owner) {
    return cut(owner, MAX_OWNER_WIDTH);
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }

  /** On one line: a query's line breaks and indentation become single spaces; none is "-". */
  private static String description(String description) {
    if (description == null || description.isBlank()) {
      return "-";
    }
    return cut(printable(description.strip().replaceAll("\\s+", " ")), MAX_DESCRIPTION_WIDTH);
  }

  /** A line break or tab in a label or thread name would break the table's lines. */
  private static String printable(String text) {
    return text.codePoints().allMatch(c -> !Character.isISOControl(c)) ? text
        : text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private static String state(LeaseInfo lease) {
    StringJoiner state = new StringJoiner(",");
    if (lease.warned()) {
      state.add("warned");
    }
    if (lease.expired()) {
      state.add("expired");
    }
    if (lease.ownerDown()) {
      state.add("owner-down");
    }
    return state.length() == 0 ? "-" : state.toString();
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    return widths;
  }

  private static String line(List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < widths.length; column++) {
      String cell = row.get(column);
      line.append(cell);
      if (column < widths.length - 1) {
        line.append(" ".repeat(widths[column] - cell.length() + 2));
      }
    }
    return line.toString();
  }
}
