package io.triplestore.store;

/** The store has been closed; nothing can be read or written through it any more. */
public class StoreClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public StoreClosedException(String path) {
    super("triple store at " + path + " is closed");
  }
}
