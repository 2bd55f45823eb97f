package io.vmflow.job;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;

/**
 * The Spring Boot application that hosts the analysis job; started by the CLI, never on its own.
 * Flyway's auto-configuration is replaced by {@link io.vmflow.store.SchemaMigrations}, which starts
 * Flyway only when the schema is not current.
 */
@SpringBootApplication(
    scanBasePackages = {"io.vmflow.job", "io.vmflow.store"},
    exclude = FlywayAutoConfiguration.class)
public class VmflowApplication {

  /**
   * Only for Spring AOT processing at build time, which needs a main that starts the context; the
   * command line always starts it through {@code io.vmflow.cli}.
   */
  public static void main(String[] args) {
    org.springframework.boot.SpringApplication.run(VmflowApplication.class, args);
  }
}
