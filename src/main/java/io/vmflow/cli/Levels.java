package io.vmflow.cli;

import io.vmflow.finding.Severity;
import io.vmflow.job.VmflowApplication;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What the job-running commands share: the {@code --fail-on} level and the Spring context. */
final class Levels {

  private Levels() {}

  /** The severity named by {@code --fail-on}; empty (and a message) when it names none. */
  static Optional<Severity> failOn(String text, String command, PrintWriter err) {
    try {
      return Optional.of(Severity.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      err.println(
          "vmflow " + command + ": --fail-on takes info, warning or error, not '" + text + "'");
      return Optional.empty();
    }
  }

  /** Starts the Spring context of the job with the given datasource properties. */
  static ConfigurableApplicationContext start(Map<String, Object> properties) {
    // main(): Spring AOT's generated initializer is looked up by the main application class
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(VmflowApplication.class)
            .main(VmflowApplication.class)
            .properties(properties)
            .logStartupInfo(false);
    if (!Timings.enabled()) {
      return app.run();
    }
    // -Dvmflow.timings=true: Spring's own start-up steps, the slowest printed at exit
    var steps =
        new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(8192);
    Timings.stepsAtExit(steps);
    return app.applicationStartup(steps).run();
  }
}
