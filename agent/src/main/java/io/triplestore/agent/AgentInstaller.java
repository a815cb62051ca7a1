package io.triplestore.agent;

import java.lang.instrument.Instrumentation;

/**
 * Validates the options and opens the log, then starts the runtime. A bad option is one line on
 * stderr naming it, and the agent stays off.
 */
final class AgentInstaller {

  private AgentInstaller() {}

  static void install(String text, Instrumentation instrumentation, boolean attached) {
    AgentOptions options;
    AgentLog log;
    try {
      options = AgentOptions.parse(text);
      log = AgentLog.open(options.log());
    } catch (IllegalArgumentException e) {
      System.err.println(AgentLog.PREFIX + "disabled: " + e.getMessage() + "; the application runs without it");
      return;
    }
    if (!instrumentation.isRetransformClassesSupported()) {
      log.line("disabled: this JVM cannot retransform classes; the application runs without it");
      return;
    }
    AgentRuntime.start(options, log, instrumentation, attached);
  }
}
