package io.triplestore.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts the entries of one column family for an SST file, in bounded memory: entries are collected
 * in a buffer; a full buffer is sorted and spilled to a run file; {@link #merge} merges the runs and
 * the last buffer (sorted in memory, never spilled) into one ascending stream without duplicates.
 *
 * <p>An entry is one byte array: the key, then a value of a fixed {@code valueLength} (0 for an
 * index key, 8 for a dictionary id). Entries compare by key, unsigned, as RocksDB's bytewise
 * comparator does; two entries with equal keys are one entry (the same quad or term loaded twice).
 *
 * <p>Concurrency: {@link #add} on one thread; {@link #spill} may run on another, handed over
 * through an executor (which orders it after the adds); {@link #merge} once every spill is done.
 */
final class ExternalSorter implements AutoCloseable {

  /** Per entry, besides its bytes: the array's header and the reference to it. */
  static final int ENTRY_OVERHEAD = 16 + 8;

  private final Path directory;
  private final String name;
  private final int valueLength;
  private final Comparator<byte[]> order;
  private final List<Path> runs = new ArrayList<>();
  private byte[][] buffer = new byte[1024][];
  private int size;

  ExternalSorter(Path directory, String name, int valueLength) {
    this.directory = directory;
    this.name = name;
    this.valueLength = valueLength;
    this.order = (a, b) -> Arrays.compareUnsigned(a, 0, a.length - valueLength, b, 0, b.length - valueLength);
  }

  void add(byte[] entry) {
    if (size == buffer.length) {
      buffer = Arrays.copyOf(buffer, size * 2);
    }
    buffer[size++] = entry;
  }

  /** Entries buffered since the last spill. */
  int buffered() {
    return size;
  }

  /** Takes the buffered entries away, to be spilled by {@link #spill} (possibly on another thread). */
  byte[][] takeBuffer() {
    byte[][] taken = Arrays.copyOf(buffer, size);
    buffer = new byte[Math.max(1024, size)][];
    size = 0;
    return taken;
  }

  /** Sorts {@code entries} and writes them as a run file. */
  void spill(byte[][] entries) {
    Arrays.sort(entries, order);
    Path run = directory.resolve(name + "-" + runs.size() + ".run");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      for (byte[] entry : entries) {
        out.writeInt(entry.length);
        out.write(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sorted run " + run + ": " + e.getMessage(), e);
    }
    synchronized (runs) {
      runs.add(run);
    }
  }

  /** What {@link #merge} hands each distinct entry to. */
  interface EntrySink {
    void accept(byte[] entry);
  }

  /** Merges every run and the buffered entries, ascending, each distinct key once; returns how many. */
  long merge(EntrySink sink) {
    byte[][] last = takeBuffer();
    Arrays.sort(last, order);
    PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> order.compare(a.head, b.head));
    List<Cursor> cursors = new ArrayList<>();
    try {
      cursors.add(new Cursor(last));
      synchronized (runs) {
        for (Path run : runs) {
          cursors.add(new Cursor(run));
        }
      }
      for (Cursor cursor : cursors) {
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
      long distinct = 0;
      byte[] previous = null;
      while (!heads.isEmpty()) {
        Cursor cursor = heads.poll();
        byte[] entry = cursor.head;
        if (previous == null || order.compare(previous, entry) != 0) {
          sink.accept(entry);
          distinct++;
          previous = entry;
        }
        if (cursor.advance()) {
          heads.add(cursor);
        }
      }
      return distinct;
    } finally {
      cursors.forEach(Cursor::close);
    }
  }

  /** Deletes the run files. */
  @Override
  public void close() {
    synchronized (runs) {
      for (Path run : runs) {
        try {
          Files.deleteIfExists(run);
        } catch (IOException e) {
          // The load's directory is deleted as a whole afterwards, and on the next open.
        }
      }
      runs.clear();
    }
  }

  /** The next entry of one sorted source: an in-memory array or a run file. */
  private static final class Cursor implements AutoCloseable {
    private final byte[][] entries;
    private final DataInputStream in;
    private int next;
    byte[] head;

    Cursor(byte[][] entries) {
      this.entries = entries;
      this.in = null;
    }

    Cursor(Path run) {
      this.entries = null;
      try {
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sorted run " + run + ": " + e.getMessage(), e);
      }
    }

    boolean advance() {
      if (entries != null) {
        head = next < entries.length ? entries[next++] : null;
        return head != null;
      }
      try {
        int length = in.readInt();
        head = in.readNBytes(length);
        return true;
      } catch (EOFException e) {
        head = null;
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a sorted run: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          // Read to the end or abandoned: nothing is lost by a failed close of a reader.
        }
      }
    }
  }
}
