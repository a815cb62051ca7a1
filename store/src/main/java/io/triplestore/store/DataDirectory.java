package io.triplestore.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides whether a store directory may be created or must be opened as it is. RocksDB's
 * {@code create_if_missing} treats a directory without a {@code CURRENT} file as a new database,
 * and then deletes the SST files it finds there: a lost {@code CURRENT} would silently empty the
 * store. So a database is created only in a directory that does not exist or is empty, and a
 * directory that holds files but no {@code CURRENT} is refused, naming what it holds.
 */
final class DataDirectory {

  /** What is in the directory. */
  enum State {
    /** Missing or empty: a new store is created. */
    NEW,
    /** Has a {@code CURRENT} file: the existing store is opened, never created. */
    EXISTING
  }

  private static final int FILES_NAMED = 5;

  private DataDirectory() {}

  /**
   * The directory's state.
   *
   * @throws StoreException when it holds files but no {@code CURRENT}; nothing is changed
   */
  static State requireNewOrExisting(Path directory) {
    if (!Files.isDirectory(directory)) {
      return State.NEW;
    }
    if (Files.exists(directory.resolve("CURRENT"))) {
      return State.EXISTING;
    }
    List<String> files = fileNames(directory);
    if (files.isEmpty()) {
      return State.NEW;
    }
    throw new StoreException("refusing to open the store at " + directory + ": it holds " + files.size()
        + " files (" + String.join(", ", files.subList(0, Math.min(FILES_NAMED, files.size())))
        + (files.size() > FILES_NAMED ? ", ..." : "") + ") but no CURRENT file, which names the live MANIFEST."
        + " Opening it would create a new, empty store and delete those files. Restore CURRENT (one line: the"
        + " name of the newest MANIFEST-* file, then a newline) from a backup, or choose an empty directory");
  }

  private static List<String> fileNames(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      // Data files first (.sst, MANIFEST, .log), so the message names what matters.
      return entries.map(entry -> entry.getFileName().toString())
          .sorted(Comparator.comparing((String name) -> !isDataFile(name)).thenComparing(Comparator.naturalOrder()))
          .toList();
    } catch (IOException e) {
      throw new StoreException("cannot list the store directory " + directory + ": " + e, e);
    }
  }

  private static boolean isDataFile(String name) {
    return name.endsWith(".sst") || name.startsWith("MANIFEST-") || name.endsWith(".log") && !name.startsWith("LOG");
  }
}
