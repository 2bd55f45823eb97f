package io.vmflow.job;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application that hosts the analysis job; started by the CLI, never on its own.
 */
@SpringBootApplication(scanBasePackages = {"io.vmflow.job", "io.vmflow.store"})
public class VmflowApplication {}
