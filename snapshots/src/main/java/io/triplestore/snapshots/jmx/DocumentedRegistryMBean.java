package io.triplestore.snapshots.jmx;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;

/**
 * The registry's MXBean with the descriptions, parameter names and impacts of {@link MBeanDocs}
 * filled into its {@code MBeanInfo}, so JConsole shows {@code limit} instead of {@code p0} and
 * ACTION instead of UNKNOWN. Anything undocumented keeps the introspector's default.
 */
final class DocumentedRegistryMBean extends StandardEmitterMBean {

  DocumentedRegistryMBean(SnapshotRegistryMXBean implementation, NotificationEmitter emitter) {
    super(implementation, SnapshotRegistryMXBean.class, true, emitter);
  }

  @Override
  protected String getDescription(MBeanInfo info) {
    return MBeanDocs.MBEAN;
  }

  @Override
  protected String getDescription(MBeanAttributeInfo info) {
    return MBeanDocs.ATTRIBUTES.getOrDefault(info.getName(), super.getDescription(info));
  }

  @Override
  protected String getDescription(MBeanOperationInfo info) {
    MBeanDocs.Operation operation = MBeanDocs.OPERATIONS.get(info.getName());
    return operation == null ? super.getDescription(info) : operation.description();
  }

  @Override
  protected int getImpact(MBeanOperationInfo info) {
    MBeanDocs.Operation operation = MBeanDocs.OPERATIONS.get(info.getName());
    return operation == null ? super.getImpact(info) : operation.impact();
  }

  @Override
  protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
    MBeanDocs.Parameter documented = parameter(op, sequence);
    return documented == null ? super.getParameterName(op, param, sequence) : documented.name();
  }

  @Override
  protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
    MBeanDocs.Parameter documented = parameter(op, sequence);
    return documented == null ? super.getDescription(op, param, sequence) : documented.description();
  }

  private static MBeanDocs.Parameter parameter(MBeanOperationInfo op, int sequence) {
    MBeanDocs.Operation operation = MBeanDocs.OPERATIONS.get(op.getName());
    if (operation == null || sequence >= operation.parameters().size()) {
      return null;
    }
    return operation.parameters().get(sequence);
  }
}
