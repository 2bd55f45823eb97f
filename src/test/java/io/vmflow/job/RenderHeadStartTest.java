package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderHeadStartTest {

  @Test
  void thePreparationRunsOnItsOwnThreadOnceAndTheRenderStepCanWaitForIt() {
    Thread caller = Thread.currentThread();
    RenderHeadStart.start();
    RenderHeadStart.start();
    RenderHeadStart.await(120);
    assertThat(RenderHeadStart.cpuMillis()).as("CPU time of the preparation's thread").isPositive();
    assertThat(Thread.currentThread()).isSameAs(caller);
  }
}
