package io.triplestore.daemon.ctl;

/** A failure that ends {@code triplestorectl} with one line on stderr and {@link #exitCode()}. */
final class CtlFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CtlFailure(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
