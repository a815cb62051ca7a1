package io.triplestore.daemon.jmx;

import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.RequestType;

/**
 * The access policy of {@code policyLocation}, minus every {@code exec} and {@code write}: what
 * Jolokia runs with when no credentials are configured, so an unauthenticated agent can be read
 * but never change anything. Jolokia instantiates it by name ({@code restrictorClass}).
 */
public final class ReadOnlyRestrictor extends DelegatingRestrictor {

  /** Called by Jolokia with its configuration. */
  public ReadOnlyRestrictor(Configuration configuration) {
    super(policy(configuration));
  }

  ReadOnlyRestrictor(Restrictor policy) {
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
    return type != RequestType.EXEC && type != RequestType.WRITE && super.isTypeAllowed(type);
  }

  @Override
  public boolean isAttributeWriteAllowed(javax.management.ObjectName name, String attribute) {
    return false;
  }

  @Override
  public boolean isOperationAllowed(javax.management.ObjectName name, String operation) {
    return false;
  }
}
