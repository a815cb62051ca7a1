package io.triplestore.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  @TempDir
  Path dir;

  @Test
  void everyDefaultParses() {
    Configuration config = Configuration.defaults();
    assertThat(config.path(ConfigKey.DATA_DIR)).isEqualTo(Path.of("./data"));
    assertThat(config.string(ConfigKey.HTTP_HOST)).isEqualTo("127.0.0.1");
    assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(8778);
    assertThat(config.optionalPort(ConfigKey.JMX_PORT)).isEmpty();
    assertThat(config.duration(ConfigKey.SNAPSHOT_DEFAULT_TTL)).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.integer(ConfigKey.HTTP_MAX_BATCH_TRIPLES)).isEqualTo(1_000_000);
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(config.source(key)).isEqualTo("default");
    }
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
    Path file = write("http.port=1001\njolokia.port=2001\nsnapshot.tick=3s\n");
    Map<String, String> env = Map.of("TRIPLESTORE_HTTP_PORT", "1002", "TRIPLESTORE_JOLOKIA_PORT", "2002");
    Configuration config = Configuration.resolve(Map.of("http.port", "1003"), env, Optional.of(file));

    assertThat(config.integer(ConfigKey.HTTP_PORT)).isEqualTo(1003);
    assertThat(config.source(ConfigKey.HTTP_PORT)).isEqualTo("flag --http.port");
    assertThat(config.integer(ConfigKey.JOLOKIA_PORT)).isEqualTo(2002);
    assertThat(config.source(ConfigKey.JOLOKIA_PORT)).isEqualTo("environment TRIPLESTORE_JOLOKIA_PORT");
    assertThat(config.duration(ConfigKey.SNAPSHOT_TICK)).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.source(ConfigKey.SNAPSHOT_TICK)).startsWith("config file ");
    assertThat(config.integer(ConfigKey.SNAPSHOT_MAX_LEASES)).isEqualTo(1000);
  }

  /** The registry's one grammar (Settings in snapshots/), shared with the agent's options. */
  @Test
  void snapshotSettingsFollowTheRegistrysGrammar() {
    Configuration config = resolve(Map.of("snapshot.default-ttl", "1d", "snapshot.max-ttl", "", "snapshot.tick", "5 m",
        "snapshot.warn-fraction", "75%", "snapshot.stack-capture", "sample:8"));

    assertThat(config.duration(ConfigKey.SNAPSHOT_DEFAULT_TTL)).isEqualTo(Duration.ofDays(1));
    assertThat(config.duration(ConfigKey.SNAPSHOT_TICK)).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.fraction(ConfigKey.SNAPSHOT_WARN_FRACTION)).isEqualTo(0.75);
    assertThat(config.value(ConfigKey.SNAPSHOT_STACK_CAPTURE)).hasToString("sample:8");
    assertThat(Configuration.defaults().describe()).contains("snapshot.default-ttl = 5m (default)");
  }

  @Test
  void hostAndOriginListsAreCheckedItemByItemAndNormalized() {
    Configuration config = resolve(Map.of("http.allowed-hosts", "Store.Internal, [fd00::7],10.0.0.5",
        "http.allowed-origins", "https://Console.example:8443,http://ops.example"));
    assertThat(config.list(ConfigKey.HTTP_ALLOWED_HOSTS)).containsExactly("store.internal", "fd00::7", "10.0.0.5");
    assertThat(config.list(ConfigKey.HTTP_ALLOWED_ORIGINS))
        .containsExactly("https://console.example:8443", "http://ops.example");
    assertThat(Configuration.defaults().list(ConfigKey.JOLOKIA_ALLOWED_ORIGINS)).isEmpty();
    for (Map.Entry<String, String> bad : List.of(Map.entry("http.allowed-origins", "https://console.example/app"),
        Map.entry("http.allowed-origins", "*"), Map.entry("http.allowed-origins", "null"),
        Map.entry("jolokia.allowed-origins", "console.example"), Map.entry("http.allowed-hosts", "a b"),
        Map.entry("http.allowed-hosts", "store.internal,"), Map.entry("http.allowed-hosts", "*.example"))) {
      assertThatThrownBy(() -> resolve(Map.ofEntries(bad))).as(bad.toString()).isInstanceOf(ConfigException.class)
          .hasMessageContaining(bad.getKey()).hasMessageContaining("comma-separated");
    }
  }

  /** Sizes in bytes may pass int's range; zero, negative and non-numbers are refused naming the key. */
  @Test
  void theBlockCacheIsASizeInBytesThatMayPassTwoGibibytes() {
    assertThat(Configuration.defaults().longValue(ConfigKey.STORE_BLOCK_CACHE_BYTES))
        .isEqualTo(StoreOptions.DEFAULT_BLOCK_CACHE_BYTES);
    assertThat(resolve(Map.of("store.block-cache-bytes", "8_589_934_592")).longValue(ConfigKey.STORE_BLOCK_CACHE_BYTES))
        .isEqualTo(8L << 30);
    for (String bad : List.of("0", "-1", "1GiB", "", "99999999999999999999")) {
      assertThatThrownBy(() -> resolve(Map.of("store.block-cache-bytes", bad))).as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("store.block-cache-bytes").hasMessageContaining("an integer from 1 to");
    }
  }

  @Test
  void environmentNamesTurnDotsAndDashesIntoUnderscores() {
    assertThat(ConfigKey.HTTP_PORT.envName()).isEqualTo("TRIPLESTORE_HTTP_PORT");
    assertThat(ConfigKey.SNAPSHOT_DEFAULT_TTL.envName()).isEqualTo("TRIPLESTORE_SNAPSHOT_DEFAULT_TTL");
    assertThat(ConfigKey.HTTP_MAX_BATCH_TRIPLES.envName()).isEqualTo("TRIPLESTORE_HTTP_MAX_BATCH_TRIPLES");
  }

  @Test
  void anInvalidValueNamesKeyValueSourceAndWhatIsAllowed() {
    assertThatThrownBy(() -> resolve(Map.of("http.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration: http.port = '70000' (from flag --http.port): expected a port number"
            + " from 0 to 65535 (0 picks a free port)");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), Map.of("TRIPLESTORE_SNAPSHOT_WARN_FRACTION", "1.5"),
        Optional.empty()))
        .hasMessageContaining("snapshot.warn-fraction = '1.5' (from environment TRIPLESTORE_SNAPSHOT_WARN_FRACTION)")
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> resolve(Map.of("snapshot.stack-capture", "sometimes")))
        .hasMessageContaining("snapshot.stack-capture = 'sometimes'").hasMessageContaining("sample:N");
    assertThatThrownBy(() -> resolve(Map.of("jolokia.enabled", "yes")))
        .hasMessageContaining("jolokia.enabled = 'yes'").hasMessageContaining("true or false");
  }

  @Test
  void everyMessageIsOneLine() {
    assertThatThrownBy(() -> resolve(Map.of("snapshot.default-ttl", "soon")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void secretsAreNeverPrinted() {
    Configuration config = resolve(Map.of("jolokia.user", "ops", "jolokia.password", "hunter2"));
    assertThat(String.join("\n", config.describe())).contains("jolokia.user = ops").doesNotContain("hunter2");
  }

  @Test
  void anUnknownKeyInTheFileIsRefusedByName() throws IOException {
    Path file = write("http.prot=8080\n");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), Map.of(), Optional.of(file)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'http.prot'");
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> Configuration.resolve(Map.of(), Map.of(), Optional.of(missing)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString()).hasMessageContaining("cannot be read");
  }

  @Test
  void unknownTriplestoreVariablesAreWarnedAboutNotFatal() {
    Configuration config = Configuration.resolve(Map.of(), Map.of("TRIPLESTORE_HTTP_PROT", "1", "PATH", "/bin"),
        Optional.empty());
    assertThat(config.warnings()).singleElement().asString().contains("TRIPLESTORE_HTTP_PROT");
  }

  @Test
  void jolokiaCredentialsComeTogether() {
    assertThatThrownBy(() -> resolve(Map.of("jolokia.user", "ops")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("jolokia.user and jolokia.password");
  }

  @Test
  void remoteJmxNeedsAPasswordFile() {
    assertThatThrownBy(() -> resolve(Map.of("jmx.port", "9010")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("jmx.port = 9010 needs jmx.password.file");
  }

  @Test
  void jolokiaBeyondLoopbackNeedsCredentialsToOpenListeners() {
    Configuration exposed = resolve(Map.of("jolokia.host", "0.0.0.0"));

    assertThatThrownBy(exposed::checkListeners)
        .isInstanceOf(ConfigException.class).hasMessageContaining("jolokia.host = 0.0.0.0 is not a loopback address");
    assertThatCode(resolve(Map.of("jolokia.host", "0.0.0.0", "jolokia.user", "ops", "jolokia.password", "pw"))::checkListeners)
        .doesNotThrowAnyException();
    assertThatCode(resolve(Map.of("jolokia.host", "0.0.0.0", "jolokia.enabled", "false"))::checkListeners)
        .doesNotThrowAnyException();
    assertThatCode(resolve(Map.of("jolokia.host", "127.0.0.1"))::checkListeners).doesNotThrowAnyException();
  }

  @Test
  void theJmxPasswordFileMustBePrivate() throws IOException {
    Path passwords = write("monitor secret\n");
    Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> resolve(Map.of("jmx.port", "0", "jmx.password.file", passwords.toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("readable by group or others");
    Files.setPosixFilePermissions(passwords, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(resolve(Map.of("jmx.port", "0", "jmx.password.file", passwords.toString()))
        .optionalPort(ConfigKey.JMX_PORT)).contains(0);
  }

  @Test
  void jmxFilesMustBeReadable() {
    assertThatThrownBy(() -> resolve(Map.of("jmx.port", "0", "jmx.password.file", dir.resolve("missing").toString())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("jmx.password.file")
        .hasMessageContaining("readable file");
  }

  @Test
  void theDefaultTtlMayNotExceedTheMaxTtl() {
    assertThatThrownBy(() -> resolve(Map.of("snapshot.default-ttl", "2h")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("snapshot.default-ttl = 2h is above snapshot.max-ttl = 1h");
    assertThat(resolve(Map.of("snapshot.default-ttl", "2h", "snapshot.max-ttl", "")).optionalDuration(
        ConfigKey.SNAPSHOT_MAX_TTL)).isEmpty();
  }

  private static Configuration resolve(Map<String, String> flags) {
    return Configuration.resolve(flags, Map.of(), Optional.empty());
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("triplestored.properties");
    Files.writeString(file, content);
    return file;
  }
}
