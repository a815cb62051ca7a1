package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up in the middle of a large GET /triples is its own business: the server
 * logs one DEBUG line, never an ERROR with a stack trace (any client could flood the error log).
 */
class ClientGoneMidStreamTest {

  @TempDir Path dir;

  @Test
  void aClientThatHangsUpMidStreamIsOneDebugLine() throws Exception {
    Recorder recorder = new Recorder();
    LoggerContext logging = (LoggerContext) LogManager.getContext(false);
    recorder.start();
    logging.getConfiguration().getRootLogger().addAppender(recorder, Level.ALL, null);
    Configurator.setLevel("io.triplestore.daemon.http", Level.DEBUG);
    logging.updateLoggers();
    try (TripleStore store = TripleStore.open(dir)) {
      List<Triple> many = new ArrayList<>();
      for (int i = 0; i < 50_000; i++) {
        many.add(Triple.of(Iri.of("http://example.org/s" + i), Iri.of("http://example.org/p"),
            Literal.of("a value long enough to fill the socket buffers quickly " + i)));
      }
      store.add(many);
      ApiServer server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0"),
          Map.of(), Optional.empty())));
      try {
        int port = server.address().getPort();
        try (Socket client = new Socket("127.0.0.1", port)) {
          client.getOutputStream().write(("GET /triples HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          assertThat(client.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024); // the stream has begun
          client.setSoLinger(true, 0); // hang up hard: a reset, as a killed client
        }
        // The request ends once the server has noticed the reset and logged what it logs about it.
        await().atMost(Duration.ofSeconds(30)).until(() -> server.requestsInFlight() == 0);
      } finally {
        server.close();
      }
    } finally {
      logging.getConfiguration().getRootLogger().removeAppender(recorder.getName());
      Configurator.setLevel("io.triplestore.daemon.http", Level.INFO);
      logging.updateLoggers();
      recorder.stop();
    }
    assertThat(recorder.events).as("nothing at WARN or above about a client that left")
        .noneMatch(event -> event.getLevel().isMoreSpecificThan(Level.WARN));
    assertThat(recorder.events).filteredOn(event -> event.getMessage().getFormattedMessage().contains("client is gone"))
        .singleElement().satisfies(event -> {
          assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
          assertThat(event.getThrown()).as("no stack trace").isNull();
        });
  }

  /** Keeps every event logged while it is attached. */
  private static final class Recorder extends AbstractAppender {
    final List<LogEvent> events = new CopyOnWriteArrayList<>();

    Recorder() {
      super("client-gone-recorder", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      events.add(event.toImmutable());
    }
  }
}
