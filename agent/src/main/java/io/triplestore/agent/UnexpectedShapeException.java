package io.triplestore.agent;

/** The host's rocksdb classes lack a method or type the agent relies on. */
final class UnexpectedShapeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnexpectedShapeException(String message, Throwable cause) {
    super(message, cause);
  }

  UnexpectedShapeException(String message) {
    super(message);
  }
}
