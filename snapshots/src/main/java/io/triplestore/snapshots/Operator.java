package io.triplestore.snapshots;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Who asks for an operator action (a forced release, a renew, a reclaim), for the audit trail.
 *
 * <p>{@link #current()} finds out, in this order: an operator that a bridge bound to the calling
 * thread ({@link #bindToThread}, as the daemon's Jolokia authenticator does for the user it has
 * just authenticated); the {@link JMXPrincipal} of a remote JMX call with the RMI client's
 * address; a remote JMX call without authentication; else an in-process call.
 *
 * <p>Concurrency: {@link #current()} reads only the calling thread's state (its binding, its JMX
 * Subject, its RMI call), so any thread may call it at any time.
 *
 * @param name the user: a Jolokia user, a JMX principal, {@code unauthenticated} or {@code local}
 * @param address where the request came from: an IP address, or {@code in-process}
 * @param via the channel: {@code jolokia}, {@code jmx} or {@code local}
 */
public record Operator(String name, String address, String via) {

  private static final ThreadLocal<Operator> BOUND = new ThreadLocal<>();
  private static final Operator LOCAL = new Operator("local", "in-process", "local");

  public Operator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(via, "via");
  }

  /**
   * Binds {@code operator} to the calling thread until {@link #unbindFromThread()} or the next
   * bind. For a bridge that authenticates a request on the thread that then runs it.
   */
  public static void bindToThread(Operator operator) {
    BOUND.set(Objects.requireNonNull(operator, "operator"));
  }

  /** Forgets the calling thread's bound operator. */
  public static void unbindFromThread() {
    BOUND.remove();
  }

  /** The operator of the call running on this thread. */
  public static Operator current() {
    Operator bound = BOUND.get();
    if (bound != null) {
      return bound;
    }
    Optional<String> rmiClient = rmiClientHost();
    if (rmiClient.isEmpty()) {
      return LOCAL;
    }
    String principal = jmxSubject()
        .flatMap(subject -> subject.getPrincipals(JMXPrincipal.class).stream().findFirst())
        .map(Principal::getName)
        .orElse("unauthenticated");
    return new Operator(principal, rmiClient.get(), "jmx");
  }

  private static Optional<String> rmiClientHost() {
    try {
      return Optional.of(RemoteServer.getClientHost());
    } catch (ServerNotActiveException notAnRmiCall) {
      return Optional.empty();
    }
  }

  /**
   * The JMX connector runs each call as its client's Subject. JDK 18+ has {@code Subject.current()}
   * (the only way on JDK 23+, where {@code getSubject} throws); JDK 17 has only {@code getSubject}.
   */
  @SuppressWarnings("removal")
  private static Optional<Subject> jmxSubject() {
    try {
      Method current = Subject.class.getMethod("current");
      return Optional.ofNullable((Subject) current.invoke(null));
    } catch (NoSuchMethodException jdk17) {
      return Optional.ofNullable(Subject.getSubject(java.security.AccessController.getContext()));
    } catch (IllegalAccessException | InvocationTargetException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return name + " from " + address + " via " + via;
  }
}
