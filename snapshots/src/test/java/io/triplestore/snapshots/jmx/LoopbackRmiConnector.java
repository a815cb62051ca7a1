package io.triplestore.snapshots.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * An RMI connector server on 127.0.0.1 and a port the system picks, and a client connected to it:
 * the same protocol JConsole speaks. No RMI registry is needed: the server's address carries the
 * serialized stub ({@code service:jmx:rmi://127.0.0.1/stub/...}).
 */
final class LoopbackRmiConnector implements AutoCloseable {

  private final JMXConnectorServer server;
  private final JMXConnector client;

  LoopbackRmiConnector(MBeanServer mbeanServer) throws IOException {
    RMIServerSocketFactory loopbackOnly =
        port -> new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
    server = JMXConnectorServerFactory.newJMXConnectorServer(
        new JMXServiceURL("service:jmx:rmi://127.0.0.1:0"),
        Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, loopbackOnly),
        mbeanServer);
    server.start();
    client = JMXConnectorFactory.connect(server.getAddress());
  }

  JMXConnector client() {
    return client;
  }

  JMXServiceURL address() {
    return server.getAddress();
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      server.stop();
    }
  }
}
