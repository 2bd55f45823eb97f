package io.vmflow.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which host an entry belongs to: the {@code hostname} file of its sosreport tree, else the
 * sosreport's name ({@code sosreport-<host>-<case>-<date>}), else the input's name.
 */
final class HostNames {

  // sosreport-compute-0-2024-01-01-abcdef, sosreport-c7-12345-2023-05-01-xyz
  private static final Pattern SOSREPORT =
      Pattern.compile("sosreport-(?<host>.+?)(-\\d+)?-\\d{4}-\\d{2}-\\d{2}-\\w+.*");
  private static final Pattern SOSREPORT_SHORT =
      Pattern.compile("sosreport-(?<host>[\\w.]+(-[A-Za-z][\\w.]*)*).*");

  private HostNames() {}

  // folders of a sosreport tree whose files belong to the tree's host: sos_commands/, and the
  // copies of /run/libvirt (libvirt's live domain status files, run/libvirt/qemu/*.xml)
  private static final Pattern SOS_FOLDER = Pattern.compile("/(sos_commands|(var/)?run/libvirt)/");

  /**
   * The tree an entry belongs to: everything before {@code sos_commands/} (or {@code run/libvirt/})
   * or the last component.
   */
  static String rootOf(String origin) {
    Matcher sos = SOS_FOLDER.matcher(origin);
    if (sos.find()) {
      return origin.substring(0, sos.start());
    }
    int slash = origin.lastIndexOf('/');
    return slash >= 0 ? origin.substring(0, slash) : "";
  }

  static String resolve(String origin, Map<String, String> hostOfRoot, String inputName) {
    String root = rootOf(origin);
    String host = hostOfRoot.get(root);
    if (host != null) {
      return host;
    }
    for (String part : origin.split("[/!]")) {
      Matcher m = SOSREPORT.matcher(part);
      if (m.matches()) {
        return m.group("host");
      }
      m = SOSREPORT_SHORT.matcher(part);
      if (m.matches() && !part.contains(".tar")) {
        return m.group("host");
      }
    }
    String name = inputName.replaceAll("(\\.tar)?\\.(gz|tgz|xz|bz2|zst|zip|tar)$", "");
    return name;
  }
}
