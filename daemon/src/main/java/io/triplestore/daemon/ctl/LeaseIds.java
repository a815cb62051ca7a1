package io.triplestore.daemon.ctl;

/** The one check every command that takes a lease id makes before asking the daemon. */
final class LeaseIds {

  private LeaseIds() {}

  static void require(long id) {
    if (id <= 0) {
      throw new CtlFailure(ExitCode.USAGE, "a lease id is 1 or more: " + id);
    }
  }
}
