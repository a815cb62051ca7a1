package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** With capture on, info shows the stack that created the lease. */
class StackCaptureTest extends RegistryTestBase {

  @Override
  SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
    return super.configure(builder).stackCapture(StackCapture.all());
  }

  @Test
  void creationStackNamesTheCreatingMethod() {
    registry.create();

    LeaseInfo info = registry.info(1).get(0);

    assertThat(info.hasCreationStack()).isTrue();
    assertThat(info.creationStack()).anySatisfy(frame -> {
      assertThat(frame.getClassName()).isEqualTo(StackCaptureTest.class.getName());
      assertThat(frame.getMethodName()).isEqualTo("creationStackNamesTheCreatingMethod");
    });
  }

  @Test
  void samplingParsesAndReportsItsRate() {
    assertThat(StackCapture.parse("sample:128").oneIn()).isEqualTo(128);
    assertThat(StackCapture.parse("all").oneIn()).isEqualTo(1);
    assertThat(StackCapture.parse(" OFF ").oneIn()).isZero();
    assertThat(StackCapture.sampled(64)).hasToString("sample:64");
  }
}
