package io.triplestore.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void readsFlagsWithEqualsOrAsTheNextArgument() {
    CommandLine line = CommandLine.parse("--http.port=8081", "--jolokia.port", "0", "--config", "/etc/t.properties");
    assertThat(line.command()).isEqualTo(CommandLine.Command.SERVE);
    assertThat(line.flags()).isEqualTo(Map.of("http.port", "8081", "jolokia.port", "0"));
    assertThat(line.configFile()).contains(Path.of("/etc/t.properties"));
  }

  @Test
  void versionIsACommandWhereverItStands() {
    assertThat(CommandLine.parse("--version").command()).isEqualTo(CommandLine.Command.VERSION);
    assertThat(CommandLine.parse("--http.port=1", "-V").command()).isEqualTo(CommandLine.Command.VERSION);
  }

  @Test
  void importTakesExactlyOneFile() {
    CommandLine line = CommandLine.parse("import", "data.nt", "--data.dir", "/tmp/x");
    assertThat(line.command()).isEqualTo(CommandLine.Command.IMPORT);
    assertThat(line.arguments()).isEqualTo(List.of("data.nt"));
    assertThat(line.flags()).containsEntry("data.dir", "/tmp/x");
    assertThatThrownBy(() -> CommandLine.parse("import")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("import needs exactly one file");
  }

  @Test
  void importTakesAFormatByNameEitherWay() {
    assertThat(CommandLine.parse("import", "data.txt", "--format", "turtle").format()).contains("turtle");
    assertThat(CommandLine.parse("import", "--format=trig", "data.txt").format()).contains("trig");
    assertThat(CommandLine.parse("import", "data.nt").format()).isEmpty();
    assertThatThrownBy(() -> CommandLine.parse("--format", "turtle")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("--format applies to import only");
    assertThatThrownBy(() -> CommandLine.parse("import", "data.nt", "--format")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("option --format needs a value");
  }

  @Test
  void formatNamesAreTheSixAndAnUnknownOneIsNamedWithTheList() {
    assertThat(ImportFormats.NAMES).isEqualTo("ntriples, nquads, turtle, trig, rdfxml, jsonld");
    assertThat(ImportFormats.byName("TriG")).isEqualTo(org.eclipse.rdf4j.rio.RDFFormat.TRIG);
    assertThatThrownBy(() -> ImportFormats.byName("n3")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown --format 'n3'").hasMessageContaining(ImportFormats.NAMES);
    assertThat(ImportFormats.byFileName("x.nq.gz")).contains(org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
    assertThat(ImportFormats.byFileName("x.n3")).as("Rio reads N3, the store does not").isEmpty();
  }

  @Test
  void verifyTakesNoArguments() {
    CommandLine line = CommandLine.parse("verify", "--data.dir", "/tmp/x");
    assertThat(line.command()).isEqualTo(CommandLine.Command.VERIFY);
    assertThat(line.flags()).containsEntry("data.dir", "/tmp/x");
    assertThatThrownBy(() -> CommandLine.parse("verify", "/tmp/x")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("verify takes no arguments");
  }

  @Test
  void refusesUnknownOptionsAndCommandsByName() {
    assertThatThrownBy(() -> CommandLine.parse("--http.prot=1")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown option --http.prot");
    assertThatThrownBy(() -> CommandLine.parse("serve")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown command 'serve'");
    assertThatThrownBy(() -> CommandLine.parse("--http.port")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("option --http.port needs a value");
  }

  @Test
  void helpListsEveryKeyWithItsEnvironmentNameAndDefault() {
    assertThat(CommandLine.parse("--http.port=1", "--help").command()).isEqualTo(CommandLine.Command.HELP);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Help.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String help = bytes.toString(StandardCharsets.UTF_8);
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(help).contains("--" + key.key()).contains(key.envName());
    }
    assertThat(help).containsPattern("--http\\.port\\s+TRIPLESTORE_HTTP_PORT\\s+default 8080");
  }
}
