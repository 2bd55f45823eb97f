package io.vmflow.report;

import io.vmflow.finding.Evidence;
import java.util.Map;

/**
 * Where one page's links point. In a report folder a page links to the other files ({@code
 * vm-x.html}, {@code evidence-3.html#L21}); in the one file {@code --single-file} writes, every
 * page is a section of the same document and links are anchors ({@code #vm-x}, {@code
 * #evidence-3-L21}), so element ids are prefixed with the page's anchor to stay unique. Page names
 * are already safe ({@link PageNames}), so anchors need no escaping.
 */
public final class Links {

  private final boolean single;
  private final String page;
  private final Map<String, String> evidencePages;

  private Links(boolean single, String page, Map<String, String> evidencePages) {
    this.single = single;
    this.page = page;
    this.evidencePages = evidencePages;
  }

  /** Links of a page written as its own file in the report folder. */
  static Links files(Map<String, String> evidencePages) {
    return new Links(false, "", evidencePages);
  }

  /** Links of a page that is the section {@code #anchor(page)} of the single file. */
  static Links single(String page, Map<String, String> evidencePages) {
    return new Links(true, page, evidencePages);
  }

  /** The anchor the single file gives a page: its file name without {@code .html}. */
  static String anchor(String page) {
    return page.endsWith(".html") ? page.substring(0, page.length() - 5) : page;
  }

  public boolean isSingle() {
    return single;
  }

  public String index() {
    return page("index.html");
  }

  /** Link to another page of the report, given its file name. */
  public String page(String file) {
    return single ? "#" + anchor(file) : file;
  }

  /** Link to the page of a file the report read, or "" when it has none. */
  public String file(String origin) {
    String file = evidencePages.get(origin);
    return file == null ? "" : page(file);
  }

  /** Link to the line an evidence cites, or "" when its file has no page. */
  public String evidence(Evidence e) {
    String file = evidencePages.get(e.origin());
    if (file == null) {
      return "";
    }
    return e.line() > 0 ? line(file, e.line()) : page(file);
  }

  /**
   * What an evidence cell shows: {@code host · command · line}, e.g. {@code compute-a · ovs-ofctl
   * dump-flows br-int · L2}; the full archive path goes in the title and report.json. The host is
   * the name of the outermost archive (a per-host bundle), the command the file name by the sos
   * rule read back ({@code ovs-ofctl_dump-flows_br-int}).
   */
  public String label(Evidence e) {
    String origin = e.origin();
    String[] parts = origin.split("!/");
    String file = parts[parts.length - 1];
    file = file.substring(file.lastIndexOf('/') + 1).replace('_', ' ');
    String host = "";
    if (parts.length > 1) {
      String outer = parts[0].substring(parts[0].lastIndexOf('/') + 1);
      host = outer.replaceAll("\\.(tar\\.gz|tgz|tar\\.xz|tar\\.bz2|tar\\.zst|tar|zip)$", "");
    }
    return (host.isEmpty() ? "" : host + " \u00b7 ")
        + file
        + (e.line() > 0 ? " \u00b7 L" + e.line() : "");
  }

  /** Link to one line of an evidence page. */
  String line(String file, int line) {
    return single ? "#" + anchor(file) + "-L" + line : file + "#L" + line;
  }

  /** Id of an element of this page, unique in the single file too. */
  public String id(String name) {
    return single ? anchor(page) + "-" + name : name;
  }
}
