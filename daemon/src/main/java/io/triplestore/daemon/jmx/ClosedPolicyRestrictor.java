package io.triplestore.daemon.jmx;

import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.RequestType;

/**
 * The access policy of {@code policyLocation}, without notifications: what Jolokia runs with when
 * credentials are configured. Jolokia checks a notification request ({@code register},
 * {@code add} a listener on any MBean) against the request type only, not against the MBeans the
 * policy denies, so a listener on {@code jdk.management.jfr:type=FlightRecorder} would pass a
 * policy that denies every read of it; the daemon offers no notifications at all (and ships no
 * notification backend). Jolokia instantiates it by name ({@code restrictorClass}).
 */
public class ClosedPolicyRestrictor extends DelegatingRestrictor {

  /** Called by Jolokia with its configuration. */
  public ClosedPolicyRestrictor(Configuration configuration) {
    super(policy(configuration));
  }

  ClosedPolicyRestrictor(Restrictor policy) {
    super(policy);
  }

  private static Restrictor policy(Configuration configuration) {
    String location = configuration.getConfig(ConfigKey.POLICY_LOCATION);
    try {
      Restrictor policy = RestrictorFactory.lookupPolicyRestrictor(location);
      if (policy == null) {
        throw new IllegalStateException("Jolokia policy not found at " + location);
      }
      return policy;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Jolokia policy at " + location + " cannot be read: " + e, e);
    }
  }

  @Override
  public boolean isTypeAllowed(RequestType type) {
    return type != RequestType.NOTIFICATION && super.isTypeAllowed(type);
  }
}
