package io.vmflow.redact;

import io.vmflow.report.OutputFolder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a redacted copy of a report folder (pages, single-file report.html, report.json, evidence
 * pages): the map is built from the report's facts ({@link ReportFacts}), then from every value the
 * {@link Recognisers} find in any of its files, then applied to every line and every file name in
 * one pass ({@link Substitution}). The job database and spool ({@code .vmflow/}) are never copied;
 * files of other types neither. The copy goes into a new or empty folder, or one an earlier
 * redaction wrote ({@link OutputFolder}): the files that one wrote are replaced, nothing else is
 * touched. Memory: the map and one line at a time.
 */
public final class ReportRedactor {

  private static final Set<String> TEXT = Set.of("html", "htm", "json", "svg", "txt", "css", "csv");
  private static final Pattern EVIDENCE_FILE = Pattern.compile("evidence-\\d+\\.html");
  // <a href="evidence-1.html#L21">origin:21</a>, <a href="#evidence-1-L21">…</a>
  private static final Pattern EVIDENCE_LINK =
      Pattern.compile(
          "<a\\b[^>]*\\bhref=\"(?:evidence-\\d+\\.html|#evidence-\\d+)[^\"]*\"[^>]*>(.*?)</a>");
  // the single file's evidence section starts on a line of its own and ends with </section>
  private static final String EVIDENCE_SECTION = "<section class=\"page evidence\"";

  /** Redacts report folder {@code dir} into {@code out}, writing the map where the options say. */
  public RedactResult redact(Path dir, Path out, RedactOptions options) throws IOException {
    Path src = dir.toAbsolutePath().normalize();
    Path dst = out.toAbsolutePath().normalize();
    Path mapOut = options.mapOut().orElse(RedactOptions.defaultMap(dst)).toAbsolutePath();
    if (mapOut.normalize().startsWith(dst)) {
      throw new IllegalArgumentException("the map must not be written into the redacted copy");
    }
    if (dst.equals(src) || src.startsWith(dst)) {
      throw new IllegalArgumentException("the redacted copy must not be the report itself");
    }
    java.util.Optional<String> refused = OutputFolder.refusal(dst);
    if (refused.isPresent()) {
      throw new IllegalArgumentException(refused.get());
    }
    Path json = src.resolve("report.json");
    if (!Files.isRegularFile(json)) {
      throw new IOException("no report.json in " + src);
    }
    RedactionMap map =
        options.sosMap().isPresent()
            ? RedactionMap.read(options.sosMap().get())
            : new RedactionMap();
    ReportFacts facts = ReportFacts.of(JsonMapper.builder().build().readTree(json.toFile()));
    facts.register(map, options.keywords());
    List<Path> files = files(src, dst, options.dropEvidence());
    Recognisers recognisers = new Recognisers(map);
    for (Path f : files) {
      recognisers.scan(src.relativize(f).toString());
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        r.lines().forEach(recognisers::scan);
      }
    }
    recognisers.register();
    Substitution sub = map.substitution();
    clearPrevious(dst);
    Files.createDirectories(dst);
    List<String> written = new java.util.ArrayList<>();
    for (Path f : files) {
      Path target = dst.resolve(sub.apply(src.relativize(f).toString())).normalize();
      if (!target.startsWith(dst)) {
        continue;
      }
      Files.createDirectories(target.getParent());
      copy(f, target, sub, options.dropEvidence());
      written.add(dst.relativize(target).toString());
    }
    OutputFolder.record(dst, written);
    map.write(mapOut);
    return new RedactResult(dst, mapOut, files.size(), sub.size(), facts.skipped);
  }

  // the files an earlier redaction wrote here, and only those: a page it made of a VM no longer in
  // the report does not linger beside the new copy
  private static void clearPrevious(Path dst) throws IOException {
    for (String p : OutputFolder.written(dst)) {
      Files.deleteIfExists(dst.resolve(p));
    }
  }

  private static List<Path> files(Path src, Path dst, boolean dropEvidence) throws IOException {
    try (Stream<Path> all = Files.walk(src)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !src.relativize(p).startsWith(".vmflow") && !p.startsWith(dst))
          .filter(p -> TEXT.contains(extension(p)))
          .filter(
              p -> !dropEvidence || !EVIDENCE_FILE.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  private static void copy(Path from, Path to, Substitution sub, boolean dropEvidence)
      throws IOException {
    try (BufferedReader r = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        BufferedWriter w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      boolean inEvidence = false;
      String line;
      while ((line = r.readLine()) != null) {
        if (dropEvidence) {
          if (line.startsWith(EVIDENCE_SECTION)) {
            inEvidence = true;
          }
          if (inEvidence) {
            inEvidence = !line.startsWith("</section>");
            continue;
          }
          line = EVIDENCE_LINK.matcher(line).replaceAll("$1");
        }
        w.write(sub.apply(line));
        w.newLine();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
