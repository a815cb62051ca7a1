package io.triplestore.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shipped jar: an agent manifest, its dependencies relocated, and no rocksdbjni of its own. */
class AgentJarContentsTest {

  @Test
  void theJarIsAnAgentWithEveryDependencyRelocatedAndNoRocksDb() throws Exception {
    try (JarFile jar = new JarFile(AgentJars.agent().toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.triplestore.agent.SnapshotAgent");
      assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.triplestore.agent.SnapshotAgent");
      assertThat(manifest.getValue("Main-Class")).isEqualTo("io.triplestore.agent.AttachCommand");
      assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");

      List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
      assertThat(classes)
          .contains("io/triplestore/agent/bridge/SnapshotBridge.class")
          .anyMatch(n -> n.startsWith("io/triplestore/agent/shaded/net/bytebuddy/"))
          .anyMatch(n -> n.startsWith("io/triplestore/agent/shaded/snapshots/"))
          .allMatch(n -> n.startsWith("io/triplestore/agent/"));
      assertThat(jar.stream().map(JarEntry::getName)).noneMatch(n -> n.contains("rocksdb") && !n.startsWith("io/"))
          .noneMatch(n -> n.endsWith(".so") || n.endsWith(".jnilib") || n.endsWith(".dll"));
    }
  }
}
