package io.triplestore.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** {@code triplestored verify} on a stopped data directory: its report and its exit codes. */
class VerifyCommandTest {

  private static final Duration BOUND = Duration.ofMinutes(1);

  @TempDir Path work;

  @Test
  void aConsistentStoreExits0WithItsFigures() throws Exception {
    storeWithTwoTriples();

    DaemonProcess.Exit exit = DaemonProcess.in(work).argument("verify").runToExit(BOUND);

    assertThat(exit.code()).as(exit.output()).isZero();
    assertThat(exit.output()).contains("consistent: 2 quads, 4 terms, 0 violations");
  }

  @Test
  void aStoreMissingADictionaryEntryExits3NamingTheViolations() throws Exception {
    storeWithTwoTriples();
    deleteTermId(1);

    DaemonProcess.Exit exit = DaemonProcess.in(work).argument("verify").runToExit(BOUND);

    assertThat(exit.code()).as(exit.output()).isEqualTo(3);
    assertThat(exit.output()).contains("INCONSISTENT: 2 quads, 3 terms")
        .contains("uses term id 1, which is not in the dictionary")
        .contains("maps to id 1, which maps to no term");
  }

  @Test
  void aMissingDataDirectoryExits2AndIsNotCreated() {
    DaemonProcess.Exit exit = DaemonProcess.in(work).argument("verify").runToExit(BOUND);

    assertThat(exit.code()).as(exit.output()).isEqualTo(2);
    assertThat(exit.output()).contains("no store at " + work.resolve("data").toAbsolutePath());
    assertThat(Files.exists(work.resolve("data"))).isFalse();
  }

  @Test
  void aDataDirectoryInUseExits2() throws Exception {
    try (DaemonProcess daemon = DaemonProcess.in(work).start()) {
      DaemonProcess.Exit exit = DaemonProcess.in(work).argument("verify").runToExit(BOUND);

      assertThat(exit.code()).as(exit.output()).isEqualTo(2);
      assertThat(exit.output()).contains("is in use by another process");
    }
  }

  private void storeWithTwoTriples() throws Exception {
    try (DaemonProcess daemon = DaemonProcess.in(work).start()) {
      ApiClient api = new ApiClient(daemon.http());
      assertThat(api.addTriples("<http://ex/a> <http://ex/p> <http://ex/b> .\n<http://ex/b> <http://ex/p> \"c\" .\n")
          .ok()).isTrue();
      assertThat(daemon.terminate(Duration.ofSeconds(30))).isEqualTo(143);
    }
  }

  /** Deletes one id from {@code id2str} behind the store's back (the store is stopped). */
  private void deleteTermId(long id) throws Exception {
    String data = work.resolve("data").toString();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, data)) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (RocksDB db = RocksDB.open(data, descriptors, handles)) {
      try {
        for (int i = 0; i < descriptors.size(); i++) {
          if (new String(descriptors.get(i).getName(), StandardCharsets.UTF_8).equals("id2str")) {
            db.delete(handles.get(i), ByteBuffer.allocate(Long.BYTES).putLong(id).array());
          }
        }
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
  }
}
