package io.triplestore.daemon.ctl;

/** {@code triplestorectl}'s exit codes; {@code docs/OPERATIONS.md} lists them for scripts. */
final class ExitCode {

  /** Done. */
  static final int OK = 0;
  /** The daemon refused or failed the operation: unknown lease, bad argument, access policy. */
  static final int REFUSED = 1;
  /** A bad command line, or a password file that cannot be read. */
  static final int USAGE = 2;
  /** The daemon's Jolokia could not be reached, or did not answer in time. */
  static final int UNREACHABLE = 3;
  /** Jolokia refused the credentials (HTTP 401), or needs some and none were given. */
  static final int UNAUTHORIZED = 4;

  private ExitCode() {}
}
