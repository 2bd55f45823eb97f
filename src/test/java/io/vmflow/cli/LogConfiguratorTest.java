package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The set-up {@link LogConfigurator} makes in code is the one {@code logback.xml} describes. */
class LogConfiguratorTest {

  @Test
  void codeSetsUpWhatLogbackXmlSays() throws Exception {
    LoggerContext fromXml = new LoggerContext();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(fromXml);
    joran.doConfigure(getClass().getClassLoader().getResource("logback.xml"));

    LoggerContext fromCode = new LoggerContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(fromCode);
    assertThat(configurator.configure(fromCode))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    assertThat(describe(fromCode)).isEqualTo(describe(fromXml)).isNotEmpty();
    assertThat(fromCode.getObject("org.springframework.boot.logging.LoggingSystem")).isNotNull();
  }

  @Test
  void logbackFindsTheConfiguratorAsAService() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
        .contains(LogConfigurator.class.getName());
  }

  /** Every logger's explicit level, and each root appender's kind, target and pattern. */
  private static List<String> describe(LoggerContext context) {
    List<String> out = new ArrayList<>();
    for (ch.qos.logback.classic.Logger l : context.getLoggerList()) {
      Level level = l.getLevel();
      if (level != null) {
        out.add(l.getName() + "=" + level);
      }
    }
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
      Appender<ILoggingEvent> a = it.next();
      StringBuilder s = new StringBuilder(a.getName() + " " + a.getClass().getName());
      if (a instanceof ConsoleAppender<ILoggingEvent> c) {
        s.append(" ").append(c.getTarget()).append(" started=").append(c.isStarted());
        if (c.getEncoder() instanceof PatternLayoutEncoder e) {
          s.append(" ").append(e.getPattern()).append(" ").append(e.getCharset());
        }
      }
      out.add(s.toString());
    }
    out.sort(null);
    return out;
  }
}
