package io.triplestore.daemon;

import io.triplestore.daemon.config.ConfigException;
import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything is opened or created, that every configured listening port can be
 * bound, so that a port in use costs one line naming its key and exit code 2 instead of a stack
 * trace after the data directory was created. A port of 0 is always free. Another process can
 * still take a port between this check and the real bind; that rare case fails the start as before.
 */
final class ListenPorts {

  /** One port to check: the key that sets it and where it will listen. */
  private record Listener(ConfigKey portKey, String host, int port) {}

  private ListenPorts() {}

  /** @throws ConfigException naming the key of the first port that cannot be bound */
  static void requireFree(Configuration config) {
    for (Listener listener : listeners(config)) {
      if (listener.port() != 0) {
        check(listener);
      }
    }
  }

  private static List<Listener> listeners(Configuration config) {
    List<Listener> listeners = new ArrayList<>();
    listeners.add(new Listener(ConfigKey.HTTP_PORT, config.string(ConfigKey.HTTP_HOST), config.integer(ConfigKey.HTTP_PORT)));
    if (config.bool(ConfigKey.JOLOKIA_ENABLED)) {
      listeners.add(new Listener(ConfigKey.JOLOKIA_PORT, config.string(ConfigKey.JOLOKIA_HOST),
          config.integer(ConfigKey.JOLOKIA_PORT)));
    }
    Optional<Integer> jmx = config.optionalPort(ConfigKey.JMX_PORT);
    jmx.ifPresent(port -> listeners.add(new Listener(ConfigKey.JMX_PORT, config.string(ConfigKey.JMX_HOST), port)));
    return listeners;
  }

  private static void check(Listener listener) {
    String where = listener.host() + ":" + listener.port();
    try (ServerSocket socket = new ServerSocket()) {
      // As the servers bind: SO_REUSEADDR, so a port held only by closed connections counts as free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(listener.host(), listener.port()));
    } catch (BindException e) {
      String message = String.valueOf(e.getMessage());
      throw new ConfigException(listener.portKey().key() + " = " + listener.port() + ": " + where
          + (message.contains("in use")
              ? " is already in use (another triplestored?); choose another port or stop what holds it"
              : " cannot be listened on: " + message));
    } catch (IOException e) {
      throw new ConfigException(listener.portKey().key() + " = " + listener.port() + ": " + where
          + " cannot be listened on: " + e.getMessage());
    }
  }
}
