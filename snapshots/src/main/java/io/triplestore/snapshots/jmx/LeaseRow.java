package io.triplestore.snapshots.jmx;

/**
 * One lease as {@link SnapshotRegistryMXBean#info(int)} shows it: a row of the table JConsole
 * draws. Over JMX it travels as a {@code CompositeData} whose item names are the property names
 * below ({@code id}, {@code owner}, ...); a {@code JMX.newMXBeanProxy} turns it back into this type.
 */
public interface LeaseRow {

  long getId();

  /** Who holds it: its label, else the owner thread's name or the owner object's class. */
  String getOwner();

  /** What the holder does with it, e.g. the text of a SPARQL query; empty when not given. */
  String getDescription();

  /** The name of the thread that created it. */
  String getOwnerThread();

  /** When it was created, ISO-8601. */
  String getCreatedAt();

  long getAgeMillis();

  long getTtlMillis();

  /** Time to its deadline; negative once overdue in a report-only registry. */
  long getRemainingMillis();

  /** Whether the expiry warning has been emitted for the current deadline. */
  boolean isWarned();

  /** Report-only registries: its deadline passed, and it is still held. */
  boolean isExpired();

  /** Report-only registries: its owner went away, and it is still held. */
  boolean isOwnerDown();

  /** The stack that created it, one frame a line; empty when stack capture did not record it. */
  String getCreationStack();
}
