package io.vmflow.report;

import io.vmflow.topology.Host;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report into its output folder: {@code report.json}, {@code verdict.txt}, {@code
 * index.html} and one page per VM, host and cited file, or all of them as sections of one {@code
 * report.html}. Pages are self-contained (inline CSS, no external resources). Every text from a
 * dump goes through Thymeleaf's escaping ({@code th:text}), never {@code th:utext}.
 */
public final class ReportWriter {

  private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The file {@link #writeSingleFile} writes. */
  public static final String SINGLE_FILE = "report.html";

  /** One engine for every writer: it keeps the templates parsed once (Thymeleaf is thread-safe). */
  private static final TemplateEngine ENGINE = Templates.engine();

  private final TemplateEngine engine;
  private final ObjectWriter json;

  public ReportWriter() {
    this(JSON);
  }

  /**
   * A writer whose {@code report.json} goes through {@code mapper} (indented): the mapper the job
   * stores its results with, so that the mappings of the topology's and findings' types, which the
   * report holds, are built once per process instead of once per mapper. Same JSON as the default.
   */
  public ReportWriter(JsonMapper mapper) {
    engine = ENGINE;
    json = mapper.writer().with(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * Readies what the first render sets up (the template engine, each page's parsed templates and
   * expressions, the report's JSON mapping) by rendering a one-host, one-VM report with nothing
   * else in it to nowhere; {@code analyze} calls it on a second thread while it starts. Writes
   * nothing.
   */
  public static void prepare() {
    prepare(JSON);
  }

  /** {@link #prepare()} for a writer made with {@link #ReportWriter(JsonMapper)}. */
  public static void prepare(JsonMapper mapper) {
    Host host =
        new Host(
            "", "", "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());
    io.vmflow.topology.Vm vm =
        new io.vmflow.topology.Vm("", "", "", "", List.of(), List.of(), List.of());
    Report report =
        ReportBuilder.build(
            new ReportInput(
                new ReportInput.RunInfo("", "", List.of()),
                new io.vmflow.topology.Topology(List.of(host), List.of(vm), List.of()),
                List.of(),
                io.vmflow.ping.PingResults.none(),
                List.of()));
    new ReportWriter(mapper).json.writeValue(java.io.OutputStream.nullOutputStream(), report);
    Links links = Links.files(report.evidencePages());
    process("index", vars(report, links, "index", IndexView.of(report)));
    for (Report.VmView v : report.vms()) {
      process("vm", vars(report, links, "vm", v));
    }
    for (Host h : report.hosts()) {
      process("host", vars(report, links, "host", h));
    }
  }

  private static void process(String template, Map<String, Object> vars) {
    ENGINE.process(template, new Context(Locale.ROOT, vars), Writer.nullWriter());
  }

  /** Writes every file of the report into {@code dir}; returns the path of index.html. */
  public Path write(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    json.writeValue(dir.resolve("report.json").toFile(), report);
    VerdictText.write(report.verdict(), dir);
    Links links = Links.files(report.evidencePages());
    writeIndex(report, dir);
    for (Report.VmView vm : report.vms()) {
      render("vm", vars(report, links, "vm", vm), dir.resolve(vm.page()));
    }
    EvidencePages.write(report.sources(), report.evidencePages(), dir, Citations.of(report, false));
    for (Host host : report.hosts()) {
      render(
          "host",
          vars(report, links, "host", host),
          dir.resolve(report.hostPages().get(host.key())));
    }
    log.info(
        "rendered report: {} VMs, {} hosts, {} findings",
        report.vms().size(),
        report.hosts().size(),
        report.findings().size());
    return dir.resolve("index.html");
  }

  /** Writes index.html alone into {@code dir}, which must exist. */
  Path writeIndex(Report report, Path dir) throws IOException {
    render(
        "index",
        vars(report, Links.files(report.evidencePages()), "index", IndexView.of(report)),
        dir.resolve("index.html"));
    return dir.resolve("index.html");
  }

  /**
   * Writes {@code report.json} and {@code report.html} into {@code dir}: every page of the report
   * as a section of one HTML file whose links are in-page anchors, to attach to a ticket as is.
   * Pages are streamed into the file one by one, so the file may be larger than the heap.
   */
  public Path writeSingleFile(Report report, Path dir) throws IOException {
    Files.createDirectories(dir);
    json.writeValue(dir.resolve("report.json").toFile(), report);
    VerdictText.write(report.verdict(), dir);
    Path target = dir.resolve(SINGLE_FILE);
    Map<String, String> evidence = report.evidencePages();
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      w.write(
          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>vmflow report</title>\n");
      engine.process("style", Set.of("css"), new Context(Locale.ROOT), w);
      w.write("\n</head>\n<body>\n");
      section(
          w,
          "index.html",
          "index",
          vars(report, Links.single("index.html", evidence), "index", IndexView.of(report)));
      for (Report.VmView vm : report.vms()) {
        section(w, vm.page(), "vm", vars(report, Links.single(vm.page(), evidence), "vm", vm));
      }
      for (Host host : report.hosts()) {
        String page = report.hostPages().get(host.key());
        section(w, page, "host", vars(report, Links.single(page, evidence), "host", host));
      }
      EvidencePages.sections(report.sources(), evidence, w, Citations.of(report, true));
      w.write("</body>\n</html>\n");
    }
    log.info(
        "rendered single-file report: {} VMs, {} hosts, {} findings",
        report.vms().size(),
        report.hosts().size(),
        report.findings().size());
    return target;
  }

  private void section(Writer w, String page, String template, Map<String, Object> vars)
      throws IOException {
    w.write("<section id=\"" + Links.anchor(page) + "\">\n");
    engine.process(template, Set.of("page"), new Context(Locale.ROOT, vars), w);
    w.write("\n</section>\n");
  }

  private static Map<String, Object> vars(Report report, Links links, String name, Object value) {
    return Map.of("report", report, "links", links, name, value);
  }

  private void render(String template, Map<String, Object> vars, Path target) throws IOException {
    Context ctx = new Context(Locale.ROOT, vars);
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      engine.process(template, ctx, w);
    }
  }
}
