package io.triplestore.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:triplestore-agent.jar=options} ({@link #premain}) and
 * dynamic attach ({@link #agentmain}). Both do nothing but hand over, and never let anything
 * escape into the host: a failure is one line on stderr and the host runs on without the agent.
 */
public final class SnapshotAgent {

  private SnapshotAgent() {}

  public static void premain(String options, Instrumentation instrumentation) {
    start(options, instrumentation, false);
  }

  public static void agentmain(String options, Instrumentation instrumentation) {
    start(options, instrumentation, true);
  }

  private static void start(String options, Instrumentation instrumentation, boolean attached) {
    try {
      AgentInstaller.install(options, instrumentation, attached);
    } catch (Throwable t) {
      System.err.println(AgentLog.PREFIX + "disabled: failed to start (" + t + "); the application runs without it");
    }
  }
}
