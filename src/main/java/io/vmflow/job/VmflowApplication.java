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
    exclude = FlywayAutoConfiguration.class,
    // what the job never uses, each a few beans less to create at every start: Boot's task
    // executor and scheduler (the captures step makes its own executor), SSL bundles, project
    // info, availability probes, JdbcClient, and schema.sql/data.sql initialisation; and what
    // costs every bean a check: the AOP and @Transactional auto-proxying (nothing is
    // @Transactional: Spring Batch proxies its job repository and operator itself, the stores use
    // JdbcTemplate or a TransactionTemplate of their own) and the exception-translation proxy
    // around every @Repository (JdbcTemplate translates already); Boot's JSON mapper bean, which
    // nothing injects (the stores and the report have their own mappers)
    excludeName = {
      "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
      "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
      "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
      "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
      "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
      "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration"
    })
public class VmflowApplication {

  /** No {@code @EventListener} method scan over every bean at each start. */
  @org.springframework.context.annotation.Bean
  static NoEventListenerMethods noEventListenerMethods() {
    return new NoEventListenerMethods();
  }

  /**
   * Execution contexts as text rather than Java serialization ({@link PlainContextSerializer});
   * Boot's job repository takes the serializer bean there is.
   */
  @org.springframework.context.annotation.Bean
  org.springframework.batch.core.repository.ExecutionContextSerializer
      executionContextSerializer() {
    return new PlainContextSerializer();
  }

  /**
   * Only for Spring AOT processing at build time, which needs a main that starts the context; the
   * command line always starts it through {@code io.vmflow.cli}.
   */
  public static void main(String[] args) {
    org.springframework.boot.SpringApplication.run(VmflowApplication.class, args);
  }
}
