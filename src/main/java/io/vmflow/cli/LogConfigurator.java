package io.vmflow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The logging set-up of {@code logback.xml}, made in code: Logback finds this class as a service
 * ({@code META-INF/services}) before it looks for {@code logback.xml}, and Spring Boot then finds
 * the context set up and leaves it as it is (it still applies {@code logging.level.*}). With the
 * file, each run parsed it twice: Logback's XML parser and its model at the first logger, then
 * Spring Boot's copy of the model at start-up (about a third of a second of CPU together on the
 * seed sample). {@code logback.xml} stays the set-up of record, used whenever Spring Boot sets
 * logging up again (a second context in one JVM); {@code LogConfiguratorTest} keeps the two equal.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  /** Same as {@code logback.xml}'s encoder pattern. */
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  // the key Spring Boot's Logback system marks a context it has set up with
  private static final String SPRING_BOOT_MARK = "org.springframework.boot.logging.LoggingSystem";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    context.getLogger("io.vmflow").setLevel(Level.INFO);
    context.getLogger("org.flywaydb.core.internal.database.base.Database").setLevel(Level.ERROR);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    bridgeJavaUtilLogging();
    context.putObject(SPRING_BOOT_MARK, new Object());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * What Spring Boot does for a context it sets up: {@code java.util.logging} records go to SLF4J
   * instead of the JDK's console handler, when that handler is the only one.
   */
  private static void bridgeJavaUtilLogging() {
    java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
    java.util.logging.Handler[] handlers = julRoot.getHandlers();
    if (handlers.length > 1
        || (handlers.length == 1 && !(handlers[0] instanceof java.util.logging.ConsoleHandler))) {
      return;
    }
    for (java.util.logging.Handler h : handlers) {
      julRoot.removeHandler(h);
    }
    org.slf4j.bridge.SLF4JBridgeHandler.install();
  }
}
