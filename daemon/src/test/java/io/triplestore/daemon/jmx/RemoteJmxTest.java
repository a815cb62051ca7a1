package io.triplestore.daemon.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connects as JConsole does: an RMI registry lookup, then the connector, with credentials. */
class RemoteJmxTest {

  @TempDir
  Path dir;

  @Test
  void authenticatedClientsReadAndRefusedOnesDoNot() throws Exception {
    Path passwords = Files.writeString(dir.resolve("jmx.password"), "monitor s3cret\nadmin t0p\n");
    Path access = Files.writeString(dir.resolve("jmx.access"), "monitor readonly\nadmin readwrite\n");
    try (RemoteJmx jmx = RemoteJmx.start("127.0.0.1", 0, passwords, Optional.of(access))) {
      assertThat(jmx.port()).isPositive();
      assertThat(jmx.url().toString()).contains("127.0.0.1:" + jmx.port());

      try (JMXConnector connector = JMXConnectorFactory.connect(jmx.url(),
          Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "s3cret"}))) {
        MBeanServerConnection connection = connector.getMBeanServerConnection();
        Object vmName = connection.getAttribute(new ObjectName("java.lang:type=Runtime"), "VmName");
        assertThat(vmName).isEqualTo(ManagementFactory.getRuntimeMXBean().getVmName());
        // readonly: operations are refused by the access file
        assertThatThrownBy(() -> connection.invoke(new ObjectName("java.lang:type=Memory"), "gc", null, null))
            .isInstanceOf(SecurityException.class);
      }
      assertThatThrownBy(() -> JMXConnectorFactory.connect(jmx.url(),
          Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "wrong"}))).isInstanceOf(SecurityException.class);
      assertThatThrownBy(() -> JMXConnectorFactory.connect(jmx.url(), Map.of()))
          .isInstanceOf(SecurityException.class);
    }
  }
}
