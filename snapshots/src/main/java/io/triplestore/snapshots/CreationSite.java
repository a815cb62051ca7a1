package io.triplestore.snapshots;

/** The stack that created a lease, recorded when stack capture chose this lease. */
final class CreationSite extends Throwable {

  private static final long serialVersionUID = 1L;

  CreationSite() {
    super("snapshot lease created here", null, false, true);
  }
}
