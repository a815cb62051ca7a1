package io.triplestore.benchmarks.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/** The set-ups both agent comparisons run, by the name they print: agent options, null for none. */
final class AgentSetups {

  static final String NO_AGENT = "no agent";
  static final String STACK_ALL = "agent, stack=all";

  private AgentSetups() {}

  static Map<String, String> all() {
    Map<String, String> setups = new LinkedHashMap<>();
    setups.put(NO_AGENT, null);
    setups.put("agent, stack=off", "stack=off");
    setups.put("agent, stack=sample:128", "stack=sample:128");
    setups.put(STACK_ALL, "stack=all");
    // Every snapshot registered on the host's thread, as before the grace period existed (issue 18).
    setups.put("agent, stack=off, grace=0", "stack=off,grace=0");
    setups.put("agent, stack=sample:128, grace=0", "stack=sample:128,grace=0");
    return setups;
  }
}
