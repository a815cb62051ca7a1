package io.triplestore.daemon.ctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triplestore.snapshots.HumanDuration;
import io.triplestore.snapshots.jfr.SnapshotJfrEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.RemoteRecordingStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code triplestorectl watch}: lease events as they happen, streamed from the JVM's Flight
 * Recorder over remote JMX ({@link RemoteRecordingStream}): from a daemon (its {@code jmx.port}),
 * or from any JVM that runs the agent and a JMX port. Runs until interrupted.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Prints lease events as they happen: created, warning, released (with reason), due (a report-only",
        "registry such as the agent's found a lease expired but keeps it), and operator",
        "actions (who released or renewed what). Over remote JMX: works against a daemon with jmx.port set, or any",
        "JVM that runs the agent with a JMX port. --user and --password-file are the JMX ones here. Ctrl-C stops."})
final class WatchCommand implements Callable<Integer> {

  private static final List<String> EVENTS = List.of(SnapshotJfrEvents.CREATED, SnapshotJfrEvents.EXPIRY_WARNING,
      SnapshotJfrEvents.RELEASED, SnapshotJfrEvents.RELEASE_DUE, SnapshotJfrEvents.OPERATOR_ACTION);

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Option(names = "--jmx", paramLabel = "URL",
      description = "remote JMX: host:port or service:jmx:rmi:///jndi/rmi://host:port/jmxrmi (default: $TRIPLESTORECTL_JMX)")
  String jmx;

  @Option(names = "--owner", paramLabel = "LABEL", description = "only leases of this owner")
  String owner;

  @Option(names = "--reason", paramLabel = "REASON", description = "only releases and dues with this reason (EXPIRED, FORCED, ...)")
  String reason;

  @Option(names = "--json", description = "one JSON object a line")
  boolean json;

  @Override
  public Integer call() throws IOException {
    JMXServiceURL url = serviceUrl(Optional.ofNullable(jmx).or(() -> ctl.environment("TRIPLESTORECTL_JMX"))
        .orElseThrow(() -> new CtlFailure(ExitCode.USAGE, "watch needs --jmx host:port (or TRIPLESTORECTL_JMX)")));
    PrintWriter out = spec.commandLine().getOut();
    try (JMXConnector connector = connect(url);
        RemoteRecordingStream stream = new RemoteRecordingStream(connector.getMBeanServerConnection())) {
      for (String event : EVENTS) {
        stream.enable(event);
        stream.onEvent(event, recorded -> print(out, recorded));
      }
      // Said once the stream has read its first flush, so the remote recording is running: an
      // event after this line is never missed (a script can wait for it, and the tests do).
      AtomicBoolean live = new AtomicBoolean();
      stream.onFlush(() -> {
        if (live.compareAndSet(false, true)) {
          out.println("watching " + url + " (Ctrl-C stops)");
          out.flush();
        }
      });
      stream.start();
    }
    return ExitCode.OK;
  }

  private JMXConnector connect(JMXServiceURL url) {
    try {
      Map<String, Object> environment = ctl.credentials()
          .<Map<String, Object>>map(pair -> Map.of(JMXConnector.CREDENTIALS, new String[] {pair[0], pair[1]}))
          .orElse(Map.of());
      return JMXConnectorFactory.connect(url, environment);
    } catch (SecurityException e) {
      throw new CtlFailure(ExitCode.UNAUTHORIZED, "remote JMX at " + url + " refused the login: " + e.getMessage());
    } catch (IOException e) {
      throw new CtlFailure(ExitCode.UNREACHABLE, "cannot reach remote JMX at " + url + ": " + e.getMessage());
    }
  }

  private static JMXServiceURL serviceUrl(String text) {
    String url = text.startsWith("service:") ? text : "service:jmx:rmi:///jndi/rmi://" + text + "/jmxrmi";
    try {
      return new JMXServiceURL(url);
    } catch (IOException e) {
      throw new CtlFailure(ExitCode.USAGE, "--jmx '" + text + "' is not host:port nor a JMX service URL");
    }
  }

  private void print(PrintWriter out, RecordedEvent event) {
    String name = event.getEventType().getName();
    if (owner != null && !concernsOwner(event, name)) {
      return;
    }
    if (reason != null && !(releaseWithReason(name) && reason.equalsIgnoreCase(event.getString("reason")))) {
      return;
    }
    out.println(json ? json(event) : WatchLines.line(event));
    out.flush();
  }

  private static boolean releaseWithReason(String name) {
    return name.equals(SnapshotJfrEvents.RELEASED) || name.equals(SnapshotJfrEvents.RELEASE_DUE);
  }

  /** A lease event of that owner, or an operator action whose target names it. */
  private boolean concernsOwner(RecordedEvent event, String name) {
    if (!name.equals(SnapshotJfrEvents.OPERATOR_ACTION)) {
      return owner.equals(event.getString("owner"));
    }
    String target = event.getString("target");
    return target.endsWith("(" + owner + ")") || target.contains("(" + owner + ") to ")
        || target.equals("owner '" + owner + "'");
  }

  private static String json(RecordedEvent event) {
    ObjectNode line = new ObjectMapper().createObjectNode();
    line.put("time", event.getStartTime().toString());
    line.put("event", event.getEventType().getName());
    event.getFields().forEach(field -> {
      Object value = event.getValue(field.getName());
      if (value instanceof java.time.Duration duration) {
        line.put(field.getName() + "Millis", duration.toMillis());
      } else if (value instanceof Number number) {
        line.put(field.getName(), number.longValue());
      } else if (value != null) {
        line.put(field.getName(), value.toString());
      }
    });
    return line.toString();
  }

  /** The human lines, one per event kind. */
  static final class WatchLines {
    private WatchLines() {}

    static String line(RecordedEvent event) {
      String time = event.getStartTime().toString();
      switch (event.getEventType().getName()) {
        case SnapshotJfrEvents.CREATED:
          return time + " created  " + lease(event) + " (ttl " + duration(event, "ttl") + ")";
        case SnapshotJfrEvents.EXPIRY_WARNING:
          return time + " warning  " + lease(event) + " expires in " + duration(event, "remaining")
              + " (age " + duration(event, "age") + ")";
        case SnapshotJfrEvents.RELEASED:
          return time + " released " + lease(event) + ": " + event.getString("reason") + " (age " + duration(event, "age") + ")";
        case SnapshotJfrEvents.RELEASE_DUE:
          return time + " due      " + lease(event) + ": " + event.getString("reason") + ", still held (age "
              + duration(event, "age") + ")";
        default:
          return time + " operator " + event.getString("operator") + " from " + event.getString("address") + " via "
              + event.getString("via") + ": " + event.getString("action") + " " + event.getString("target") + ": "
              + event.getString("result");
      }
    }

    private static String lease(RecordedEvent event) {
      return "lease " + event.getLong("leaseId") + " of " + event.getString("owner");
    }

    private static String duration(RecordedEvent event, String field) {
      return HumanDuration.format(event.getDuration(field));
    }
  }
}
