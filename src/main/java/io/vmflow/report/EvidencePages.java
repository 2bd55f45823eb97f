package io.vmflow.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page per cited file with every line numbered and anchored ({@code evidence-3.html#L21}), so
 * each claim of the report opens on the line it rests on. Files are streamed and cut at a size cap;
 * text is escaped here because these pages are written without a template.
 */
final class EvidencePages {

  static final int MAX_LINES = 200_000;

  private EvidencePages() {}

  /** Page names by origin, in the order given. */
  static Map<String, String> names(List<EvidenceSource> sources) {
    Map<String, String> out = new LinkedHashMap<>();
    for (EvidenceSource s : sources) {
      out.putIfAbsent(s.origin(), "evidence-" + (out.size() + 1) + ".html");
    }
    return out;
  }

  static void write(List<EvidenceSource> sources, Map<String, String> names, Path dir)
      throws IOException {
    write(sources, names, dir, Citations.none());
  }

  static void write(
      List<EvidenceSource> sources, Map<String, String> names, Path dir, Citations cites)
      throws IOException {
    Links links = Links.files(names);
    for (EvidenceSource s : sources) {
      String page = names.get(s.origin());
      if (page == null || Files.exists(dir.resolve(page)) || !Files.isRegularFile(s.content())) {
        continue;
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(page), StandardCharsets.UTF_8)) {
        w.write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(s.origin())
                + "</title><style>"
                + "body{font:13px ui-monospace,Menlo,Consolas,monospace;margin:1rem;color:#1d232a;background:#fff}"
                + "@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}}"
                + "@media print{body{color:#000;background:#fff}pre{white-space:pre-wrap}}"
                + "pre{margin:0}a.n{display:inline-block;width:5em;color:#8b949e;text-decoration:none;user-select:none}"
                + ":target{background:#fff3b0;color:#000}"
                + "pre.cited{background:#fde7e9}@media (prefers-color-scheme: dark){pre.cited{background:#3d1d20}}"
                + "span.cite{font:12px system-ui,sans-serif;margin-left:1.5em}"
                + "</style></head><body>"
                + "<p><a href=\"index.html\">&larr; report</a> &middot; "
                + escape(s.origin())
                + "</p>\n");
        lines(s, page, links, w, cites);
        w.write("</body></html>\n");
      }
    }
  }

  /**
   * Writes each cited file as a section of the single file, its lines anchored {@code
   * #evidence-3-L21}; {@code out} stays open (the caller owns it).
   */
  static void sections(List<EvidenceSource> sources, Map<String, String> names, Writer out)
      throws IOException {
    sections(sources, names, out, Citations.none());
  }

  static void sections(
      List<EvidenceSource> sources, Map<String, String> names, Writer out, Citations cites)
      throws IOException {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (EvidenceSource s : sources) {
      String page = names.get(s.origin());
      if (page == null || !done.add(page) || !Files.isRegularFile(s.content())) {
        continue;
      }
      Links links = Links.single(page, names);
      out.write(
          "<section class=\"page evidence\" id=\""
              + Links.anchor(page)
              + "\"><p><a href=\"#index\">&larr; report</a></p><h2>"
              + escape(s.origin())
              + "</h2>\n");
      lines(s, page, links, out, cites);
      out.write("</section>\n");
    }
  }

  private static void lines(EvidenceSource s, String page, Links links, Writer w, Citations cites)
      throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader r =
        new BufferedReader(
            new java.io.InputStreamReader(Files.newInputStream(s.content()), decoder))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (n > MAX_LINES) {
          w.write("<p>&hellip; cut after " + MAX_LINES + " lines</p>");
          break;
        }
        String href = links.line(page, n);
        List<Citations.Cite> cited = cites.at(s.origin(), n);
        w.write(
            "<pre id=\""
                + href.substring(href.indexOf('#') + 1)
                + (cited.isEmpty() ? "\"" : "\" class=\"cited\"")
                + "><a class=\"n\" href=\""
                + href.substring(href.indexOf('#'))
                + "\">"
                + n
                + "</a>"
                + escape(line));
        if (!cited.isEmpty()) {
          // which findings rest on this line, each linking back to where it is listed
          w.write("<span class=\"cite\">\u2190 cited by ");
          for (int i = 0; i < cited.size(); i++) {
            Citations.Cite c = cited.get(i);
            w.write(
                (i > 0 ? ", " : "")
                    + "<a class=\"finding\" href=\""
                    + escape(c.href())
                    + "\" title=\""
                    + escape(c.message())
                    + "\">"
                    + escape(c.code())
                    + "</a>");
          }
          w.write("</span>");
        }
        w.write("</pre>\n");
      }
    }
  }

  /** HTML-escapes text from a dump, and makes control characters visible instead of live. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\t' -> b.append(c);
        default -> b.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
      }
    }
    return b.toString();
  }
}
