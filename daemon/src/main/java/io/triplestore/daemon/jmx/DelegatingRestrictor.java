package io.triplestore.daemon.jmx;

import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/** Forwards every check to another restrictor; subclasses narrow some of them. */
abstract class DelegatingRestrictor implements Restrictor {
  private final Restrictor delegate;

  DelegatingRestrictor(Restrictor delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean isHttpMethodAllowed(HttpMethod method) {
    return delegate.isHttpMethodAllowed(method);
  }

  @Override
  public boolean isTypeAllowed(RequestType type) {
    return delegate.isTypeAllowed(type);
  }

  @Override
  public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
    return delegate.isAttributeReadAllowed(name, attribute);
  }

  @Override
  public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
    return delegate.isAttributeWriteAllowed(name, attribute);
  }

  @Override
  public boolean isOperationAllowed(ObjectName name, String operation) {
    return delegate.isOperationAllowed(name, operation);
  }

  @Override
  public boolean isRemoteAccessAllowed(String... hostOrAddress) {
    return delegate.isRemoteAccessAllowed(hostOrAddress);
  }

  @Override
  public boolean isOriginAllowed(String origin, boolean strictCheck) {
    return delegate.isOriginAllowed(origin, strictCheck);
  }

  @Override
  public boolean isObjectNameHidden(ObjectName name) {
    return delegate.isObjectNameHidden(name);
  }

  @Override
  public boolean ignoreScheme() {
    return delegate.ignoreScheme();
  }
}
