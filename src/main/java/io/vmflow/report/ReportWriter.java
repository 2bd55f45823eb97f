package io.vmflow.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report into its output folder: {@code report.json}, {@code index.html} and one page per
 * VM. Pages are self-contained (inline CSS, no external resources). Every text from a dump goes
 * through Thymeleaf's escaping ({@code th:text}), never {@code th:utext}.
 */
public final class ReportWriter {

  private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final TemplateEngine engine;

  public ReportWriter() {
    engine = Templates.engine();
  }

  /** Writes every file of the report into {@code dir}; returns the path of index.html. */
  public Path write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve("report.json").toFile(), report);
    render("index", Map.of("report", report), dir.resolve("index.html"));
    for (Report.VmView vm : report.vms()) {
      render("vm", Map.of("report", report, "vm", vm), dir.resolve(vm.page()));
    }
    EvidencePages.write(report.sources(), report.evidencePages(), dir);
    for (io.vmflow.topology.Host host : report.hosts()) {
      render("host", Map.of("report", report, "host", host), dir.resolve(report.hostPages().get(host.key())));
    }
    log.info("rendered report: {} VMs, {} hosts, {} findings", report.vms().size(), report.hosts().size(), report.findings().size());
    return dir.resolve("index.html");
  }

  private void render(String template, Map<String, Object> vars, Path target) throws IOException {
    Context ctx = new Context(Locale.ROOT, vars);
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      engine.process(template, ctx, w);
    }
  }
}
