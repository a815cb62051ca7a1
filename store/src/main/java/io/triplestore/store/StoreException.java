package io.triplestore.store;

/** A store operation failed: RocksDB reported an error, or the data on disk is not as expected. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
