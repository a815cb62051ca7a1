package io.triplestore.snapshots;

/** A read at a snapshot failed inside RocksDB (I/O error, corruption). */
public class SnapshotReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SnapshotReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
