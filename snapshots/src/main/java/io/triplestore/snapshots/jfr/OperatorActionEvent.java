package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** An operator forced a release, renewed a lease or reclaimed space: what, by whom, with what result. */
@Name(SnapshotJfrEvents.OPERATOR_ACTION)
@Label("Operator Action")
@Description("An operator action on a snapshot registry or its store, with who asked for it and from where")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
final class OperatorActionEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry acted on (the store's registry for store actions)")
  String registry;

  @Label("Action")
  @Description("The operation: forceRelease, forceReleaseOlderThan, forceReleaseOwner, renew, reclaim, compact, flush")
  String action;

  @Label("Target")
  @Description("What it acted on: a lease id with its owner, an owner label, an age, or the store")
  String target;

  @Label("Operator")
  @Description("Who asked: the Jolokia user or JMX principal, 'unauthenticated', or 'local' for in-process calls")
  String operator;

  @Label("Address")
  @Description("Where the request came from: the client's IP address, or 'in-process'")
  String address;

  @Label("Via")
  @Description("The channel: jolokia, jmx or local")
  String via;

  @Label("Result")
  @Description("What came of it: released, already released, released N, renewed, done in N ms, or refused: why")
  String result;
}
