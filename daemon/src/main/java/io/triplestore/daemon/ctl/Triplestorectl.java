package io.triplestore.daemon.ctl;

import io.triplestore.daemon.Version;
import io.triplestore.daemon.jmx.StoreMXBean;
import io.triplestore.snapshots.jmx.SnapshotRegistryJmx;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code triplestorectl}: the operator's commands (list, inspect, release and renew leases, store
 * figures, reclaim) against a running {@code triplestored}, over its Jolokia. Connection options
 * come from flags, else from {@code TRIPLESTORECTL_*} variables, else the daemon's defaults.
 */
@Command(name = "triplestorectl",
    mixinStandardHelpOptions = true,
    versionProvider = Triplestorectl.VersionProvider.class,
    description = "Operates a running triplestored over its Jolokia (JMX over HTTP).",
    subcommands = {LeasesCommand.class, LeaseCommand.class, ReleaseCommand.class, RenewCommand.class,
        StatsCommand.class, ReclaimCommand.class, CompactCommand.class, WatchCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:the daemon refused or failed it (unknown lease, bad argument, access policy)",
        "2:bad command line, or an unreadable password file",
        "3:the daemon's Jolokia cannot be reached or did not answer in time",
        "4:wrong or missing credentials (HTTP 401)"},
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  TRIPLESTORECTL_URL            like --url",
        "  TRIPLESTORECTL_USER           like --user",
        "  TRIPLESTORECTL_PASSWORD_FILE  like --password-file",
        "  TRIPLESTORECTL_PASSWORD       the password itself (when no password file is given)",
        "  TRIPLESTORECTL_JMX            like watch --jmx"})
public final class Triplestorectl {

  /** The daemon's lease registry MBean. */
  static final String REGISTRY = SnapshotRegistryJmx.objectName("store").toString();
  /** The daemon's store MBean. */
  static final String STORE = StoreMXBean.OBJECT_NAME;
  static final String DEFAULT_URL = "http://127.0.0.1:8778/jolokia/";

  private final Map<String, String> environment;

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Jolokia URL of the daemon (default: " + DEFAULT_URL + ")")
  String url;

  @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "Jolokia user (the daemon's jolokia.user)")
  String user;

  @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "file whose first line is the Jolokia password")
  Path passwordFile;

  Triplestorectl(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs one command line; returns the exit code. */
  static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Triplestorectl(environment));
    commandLine.setOut(out).setErr(err);
    commandLine.setParameterExceptionHandler((e, arguments) -> {
      err.println("triplestorectl: " + e.getMessage());
      err.println("Try 'triplestorectl " + (e.getCommandLine().getParent() == null ? ""
          : e.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof CtlFailure failure) {
        err.println("triplestorectl: " + failure.getMessage());
        return failure.exitCode();
      }
      err.println("triplestorectl: unexpected error: " + e);
      return ExitCode.REFUSED;
    });
    return commandLine.execute(args);
  }

  /** The connection the options and environment describe; a bad one fails with exit code 2. */
  JolokiaConnection jolokia() {
    Optional<String[]> credentials = credentials();
    return new JolokiaConnection(uri(first(url, "TRIPLESTORECTL_URL").orElse(DEFAULT_URL)),
        credentials.map(pair -> pair[0]), credentials.map(pair -> pair[1]));
  }

  /** User and password, when a user is given; a user without a password fails with exit code 2. */
  Optional<String[]> credentials() {
    return first(user, "TRIPLESTORECTL_USER").map(name -> new String[] {name, password(name)});
  }

  /** A non-blank environment variable. */
  Optional<String> environment(String variable) {
    return first(null, variable);
  }

  private Optional<String> first(String flag, String variable) {
    return Optional.ofNullable(flag).or(() -> Optional.ofNullable(environment.get(variable)))
        .filter(value -> !value.isBlank());
  }

  private String password(String name) {
    Optional<Path> file = Optional.ofNullable(passwordFile)
        .or(() -> first(null, "TRIPLESTORECTL_PASSWORD_FILE").map(Path::of));
    if (file.isPresent()) {
      return readPassword(file.get());
    }
    return first(null, "TRIPLESTORECTL_PASSWORD").orElseThrow(() -> new CtlFailure(ExitCode.USAGE,
        "user '" + name + "' needs a password: give --password-file, or set TRIPLESTORECTL_PASSWORD_FILE "
            + "or TRIPLESTORECTL_PASSWORD"));
  }

  private static String readPassword(Path file) {
    try {
      String password = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      if (password.isEmpty()) {
        throw new CtlFailure(ExitCode.USAGE, "password file " + file + " is empty: its first line is the password");
      }
      return password;
    } catch (IOException e) {
      throw new CtlFailure(ExitCode.USAGE, "cannot read password file " + file + ": " + e);
    }
  }

  private static URI uri(String text) {
    try {
      URI uri = new URI(text.endsWith("/") ? text : text + "/");
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http or https URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CtlFailure(ExitCode.USAGE, "--url '" + text + "' is not a Jolokia URL such as " + DEFAULT_URL
          + " (" + e.getReason() + ")");
    }
  }

  /** The build's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"triplestorectl " + Version.current()};
    }
  }
}
