package io.triplestore.daemon.jmx;

import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.RequestType;

/**
 * The access policy of {@code policyLocation}, minus every {@code exec}, {@code write} and
 * notification ({@link ClosedPolicyRestrictor}): what Jolokia runs with when no credentials are
 * configured, so an unauthenticated agent can be read but never change anything. Jolokia
 * instantiates it by name ({@code restrictorClass}).
 */
public final class ReadOnlyRestrictor extends ClosedPolicyRestrictor {

  /** Called by Jolokia with its configuration. */
  public ReadOnlyRestrictor(Configuration configuration) {
    super(configuration);
  }

  ReadOnlyRestrictor(Restrictor policy) {
    super(policy);
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
