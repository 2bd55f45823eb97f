package io.vmflow.report;

import io.vmflow.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the nightly outputs: {@code nightly.html} (summary with a trend chart), {@code
 * nightly.json}, and {@code nightly-junit.xml} where each VM is a test case that fails when it has
 * a current finding at or above the fail-on level.
 */
public final class NightlyWriter {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final TemplateEngine engine;

  public NightlyWriter() {
    engine = Templates.engine();
  }

  /** Writes all three files into {@code dir}; returns nightly.html. */
  public Path write(NightlyReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve("nightly.json").toFile(), report);
    writeJunit(report, dir.resolve("nightly-junit.xml"));
    Path page = dir.resolve("nightly.html");
    try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      engine.process(
          "nightly",
          new Context(
              Locale.ROOT, Map.of("report", report, "chart", TrendChart.of(report.trend()))),
          w);
    }
    return page;
  }

  private static void writeJunit(NightlyReport report, Path file) throws IOException {
    Severity level = Severity.valueOf(report.failOn());
    long failures = report.vms().stream().filter(v -> v.failsAt(level)).count();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "vmflow-nightly");
      x.writeAttribute("tests", Integer.toString(report.vms().size()));
      x.writeAttribute("failures", Long.toString(failures));
      x.writeAttribute("errors", "0");
      for (NightlyReport.VmRow vm : report.vms()) {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "vmflow." + clean(vm.collection()) + "." + clean(vm.host()));
        x.writeAttribute(
            "name", clean(vm.vmId() + (vm.vmName().isEmpty() ? "" : " " + vm.vmName())));
        java.util.Optional<NightlyReport.FindingRow> worst = vm.worstAt(level);
        if (worst.isPresent()) {
          // the type names what fails: the most severe current finding's code, never a status
          x.writeStartElement("failure");
          x.writeAttribute("type", worst.get().code());
          StringBuilder text = new StringBuilder();
          for (NightlyReport.FindingRow f : vm.newFindings()) {
            text.append("NEW ")
                .append(f.severity())
                .append(' ')
                .append(f.code())
                .append(": ")
                .append(f.message())
                .append('\n');
          }
          for (NightlyReport.FindingRow f : vm.open()) {
            text.append("OPEN since run ")
                .append(f.run())
                .append(' ')
                .append(f.severity())
                .append(' ')
                .append(f.code())
                .append(": ")
                .append(f.message())
                .append('\n');
          }
          x.writeAttribute(
              "message", vm.newFindings().size() + " new, " + vm.open().size() + " open findings");
          x.writeCharacters(clean(text.toString()));
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** XML 1.0 cannot carry most control characters, which hostile dumps may contain. */
  private static String clean(String s) {
    return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
  }
}
