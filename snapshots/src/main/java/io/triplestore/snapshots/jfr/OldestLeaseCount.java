package io.triplestore.snapshots.jfr;

import java.util.Set;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;
import jdk.jfr.Name;
import jdk.jfr.SettingControl;

/**
 * The {@code count} setting of {@code triplestore.SnapshotOldestLease}: how many of each registry's
 * oldest leases are named each period ({@code <setting name="count">10</setting>} in a
 * {@code .jfc}, or {@code Recording.enable(...).with("count", "10")}). Recordings running at once
 * get the largest count any of them asked for; 0 names none. Public only because the Flight
 * Recorder instantiates it.
 *
 * <p>Concurrency: the recorder calls {@link #setValue} under its own lock; the periodic hook reads
 * the count from another thread, hence the volatile.
 */
@MetadataDefinition
@Name("count")
@Label("Count")
@Description("How many of the oldest live leases to name each period")
public final class OldestLeaseCount extends SettingControl {

  /** What a recording that does not say gets. */
  static final int DEFAULT = 10;

  private static volatile int current = DEFAULT;

  private String value = Integer.toString(DEFAULT);

  /** The count the running recordings ask for. */
  static int current() {
    return current;
  }

  @Override
  public String combine(Set<String> values) {
    return Integer.toString(values.stream().mapToInt(OldestLeaseCount::parse).max().orElse(DEFAULT));
  }

  @Override
  public void setValue(String settingValue) {
    value = settingValue;
    current = parse(settingValue);
  }

  @Override
  public String getValue() {
    return value;
  }

  /** A bad value in a .jfc falls back to the default rather than breaking the recording. */
  private static int parse(String text) {
    try {
      return Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT;
    }
  }
}
