package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.job.AnalyzeLauncher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigUtils;

/** The Spring context {@code analyze} starts: what start-up work it leaves out (issue 21). */
class AnalyzeContextTest {

  @Test
  void theContextHasNoEventListenerMethodProcessorAndStillBuildsTheJob(@TempDir Path tmp) {
    try (var ctx = AnalyzeCommand.start(tmp.resolve("out"))) {
      assertThat(
              ctx.containsBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME))
          .isFalse();
      assertThat(ctx.containsBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME))
          .isFalse();
      assertThat(ctx.getBean(AnalyzeLauncher.class)).isNotNull();
    }
  }
}
