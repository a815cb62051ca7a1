package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * A checksum error hit in the middle of {@code GET /triples}, after the answer has started: the
 * transfer is cut (the client can tell it from a complete answer) and the error is logged at
 * ERROR with the name of the corrupt file.
 */
class ExportFailureTest {

  private static final int TRIPLES = 20_000;

  @TempDir Path dir;
  private final Queue<LogEvent> events = new ConcurrentLinkedQueue<>();
  private AbstractAppender capture;

  @BeforeEach
  void captureLog() {
    capture = new AbstractAppender("export-failure-capture", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        events.add(event.toImmutable());
      }
    };
    capture.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
    context.updateLoggers();
  }

  @AfterEach
  void stopCapture() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(capture.getName());
    context.updateLoggers();
    capture.stop();
  }

  @Test
  void aChecksumErrorMidExportCutsTheTransferAndIsLoggedAtErrorWithTheFile() throws Exception {
    Path data = dir.resolve("data");
    String sst = storeWithACorruptSpoBlock(data);
    try (TripleStore store = TripleStore.open(data, StoreOptions.defaults())) {
      ApiServer server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
          "http.max-threads", "8", "shutdown.timeout", "2s"), Map.of(), Optional.empty())));
      try {
        HttpRequest export = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.address().getPort() + "/triples")).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(export, HttpResponse.BodyHandlers.ofString()))
            .as("the client sees a cut transfer, not a short 200").isInstanceOf(IOException.class);
      } finally {
        server.close();
      }
    }
    List<LogEvent> errors = new ArrayList<>(events).stream().filter(event -> event.getLevel() == Level.ERROR).toList();
    assertThat(errors).as("ERROR events").singleElement().satisfies(event ->
        assertThat(event.getMessage().getFormattedMessage()).contains("GET /triples", "checksum mismatch", sst,
            "the transfer was cut"));
  }

  /** 20,000 triples flushed, then bytes flipped a third into the {@code spo} file; its name. */
  private static String storeWithACorruptSpoBlock(Path data) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < TRIPLES; i++) {
      text.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"").append(i).append("\" .\n");
    }
    try (TripleStore store = TripleStore.open(data, StoreOptions.defaults())) {
      store.bulkLoad(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.strict());
    }
    String name = spoFile(data);
    try (RandomAccessFile file = new RandomAccessFile(data.resolve(name).toFile(), "rw")) {
      long offset = file.length() / 3;
      for (int i = 0; i < 16; i++) {
        file.seek(offset + i);
        int b = file.read();
        file.seek(offset + i);
        file.write(b ^ 0xFF);
      }
    }
    return name;
  }

  private static String spoFile(Path data) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, data.toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (RocksDB db = RocksDB.openReadOnly(data.toString(), descriptors, handles)) {
      try {
        for (LiveFileMetaData file : db.getLiveFilesMetaData()) {
          if (new String(file.columnFamilyName(), StandardCharsets.UTF_8).equals("spo")) {
            return file.fileName().replaceFirst("^/", "");
          }
        }
        throw new IllegalStateException("no spo file in " + data);
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    }
  }
}
