package io.triplestore.agent;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.io.PrintStream;
import java.net.URISyntaxException;

/**
 * {@code java -jar triplestore-agent.jar attach <pid> [options]}: loads this jar into a running JVM.
 * The options are checked here first, so a bad one is reported to whoever typed it.
 */
public final class AttachCommand {

  static final String USAGE = "usage: java -jar triplestore-agent.jar attach <pid> [key=value,...]"
      + "  (options: ttl, warn, stack, release, package, log, tick; see agent/README.md)";

  private AttachCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status (0 attached, 1 failed, 2 usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2 || args.length > 3 || !args[0].equals("attach") || !args[1].matches("\\d+")) {
      err.println(USAGE);
      return 2;
    }
    String options = args.length == 3 ? args[2] : "";
    try {
      AgentOptions.parse(options);
    } catch (IllegalArgumentException e) {
      err.println("not attached: " + e.getMessage());
      return 2;
    }
    try {
      String jar = agentJar();
      VirtualMachine vm = VirtualMachine.attach(args[1]);
      try {
        vm.loadAgent(jar, options);
      } finally {
        vm.detach();
      }
      out.println("attached " + jar + " to JVM " + args[1] + (options.isEmpty() ? "" : " with " + options)
          + "; the agent reports to that JVM's stderr (or its log option)");
      return 0;
    } catch (Exception e) {
      err.println("could not attach to JVM " + args[1] + ": " + e);
      return 1;
    }
  }

  private static String agentJar() throws URISyntaxException {
    File jar = new File(AttachCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!jar.isFile()) {
      throw new IllegalStateException("run the attach command from the agent jar, not from " + jar);
    }
    return jar.getAbsolutePath();
  }
}
