package io.triplestore.store;

/**
 * A line that an import in "skip bad lines" mode left out.
 *
 * @param line the 1-based line number
 * @param column the 1-based column where the problem was found, or -1 when unknown
 * @param message what is wrong with it
 */
public record SkippedLine(long line, long column, String message) {}
