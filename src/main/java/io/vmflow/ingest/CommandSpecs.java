package io.vmflow.ingest;

import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a command line as typed at a prompt to the output kind it produces and the object it is
 * about: {@code ovs-ofctl show br-int |grep 1c65} is {@code OVS_OFCTL_SHOW} of {@code br-int}. The
 * words that select each kind are the spec's own ({@link Spec#typed()}); here are only the tools'
 * option syntax and the wrappers ({@code sudo}, {@code timeout 5}) a prompt may add.
 */
public final class CommandSpecs {

  /** A recognised command: its spec and subject ("" when the command has none). */
  public record SpecCall(Spec spec, String subject) {}

  // cat /var/lib/neutron/dhcp/6ee86f5e-5d22-4c00-a2cd-6622ec856e17/host (any state path)
  private static final Pattern DHCP_HOST = Pattern.compile("(?:.*/)?dhcp/([^/]+)/host");

  private CommandSpecs() {}

  public static Optional<SpecCall> of(String commandLine) {
    List<String> words = words(commandLine);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String tool = words.get(0);
    if (tool.equals("tcpdump")) {
      return tcpdump(words);
    }
    if (tool.equals("iptables") || tool.equals("ip6tables")) {
      return iptables(words);
    }
    if (tool.equals("ethtool")) {
      return ethtool(words);
    }
    if (tool.equals("date")) {
      return date(words);
    }
    if (tool.equals("ip")
        && (words.contains("exec") || words.contains("-n") || words.contains("-netns"))) {
      return namespaced(words);
    }
    if (tool.equals("cat") && words.size() >= 2) {
      Matcher dhcp = DHCP_HOST.matcher(words.get(1));
      if (dhcp.matches()) {
        return call(Spec.NEUTRON_DHCP_HOST, dhcp.group(1));
      }
    }
    List<String> args = positional(words.subList(1, words.size()), tool);
    for (Spec spec : Spec.values()) {
      for (List<String> form : spec.typed()) {
        if (selects(form, tool, args)) {
          int at = form.size() - 1;
          String subject =
              spec.scope() == Spec.Scope.PER_OBJECT && at < args.size() ? args.get(at) : "";
          return call(spec, subject);
        }
      }
    }
    return Optional.empty();
  }

  // ip netns exec qrouter-3da5aa7d-... ip -d address show; ip -n NS route: the command's namespaced
  // spec, the namespace as subject
  private static Optional<SpecCall> namespaced(List<String> words) {
    if (words.size() > 4 && words.get(1).equals("netns") && words.get(2).equals("exec")) {
      String ns = words.get(3);
      return of(String.join(" ", words.subList(4, words.size())))
          .flatMap(c -> c.spec().inNamespace())
          .map(s -> new SpecCall(s, ns));
    }
    for (int i = 1; i + 1 < words.size(); i++) {
      if (words.get(i).equals("-n") || words.get(i).equals("-netns")) {
        String ns = words.get(i + 1);
        List<String> rest = new ArrayList<>(words);
        rest.remove(i + 1);
        rest.remove(i);
        return of(String.join(" ", rest))
            .flatMap(c -> c.spec().inNamespace())
            .map(s -> new SpecCall(s, ns));
      }
    }
    return Optional.empty();
  }

  // [ovs-ofctl, show] selects "ovs-ofctl show br-int": the tool, then the leading positional words
  private static boolean selects(List<String> form, String tool, List<String> args) {
    int verbs = form.size() - 1;
    return form.get(0).equals(tool)
        && args.size() >= verbs
        && args.subList(0, verbs).equals(form.subList(1, form.size()));
  }

  // iptables -vnxL, iptables -t filter -nvL, iptables -L -n -v: a listing, not a change
  private static Optional<SpecCall> iptables(List<String> words) {
    boolean list = words.stream().anyMatch(w -> w.matches("-[a-zA-Z]*L[a-zA-Z]*|--list"));
    boolean changes = words.stream().anyMatch(w -> w.matches("-[ADIRFNXPZ]"));
    return list && !changes ? call(Spec.IPTABLES_LIST, "") : Optional.empty();
  }

  // ethtool -S ens3, ethtool --statistics ens3: the option is the verb, the device the subject
  private static Optional<SpecCall> ethtool(List<String> words) {
    int at = Math.max(words.indexOf("-S"), words.indexOf("--statistics"));
    return at > 0 && at + 1 < words.size() && !words.get(at + 1).startsWith("-")
        ? call(Spec.ETHTOOL_S, words.get(at + 1))
        : Optional.empty();
  }

  // date, date --utc (-u, --universal); date +%s and date -d ... print something else
  private static Optional<SpecCall> date(List<String> words) {
    boolean utc = false;
    for (String w : words.subList(1, words.size())) {
      if (w.equals("-u") || w.equals("--utc") || w.equals("--universal")) {
        utc = true;
      } else if (w.startsWith("+") || w.startsWith("-")) {
        return Optional.empty();
      }
    }
    return call(utc ? Spec.DATE_UTC : Spec.DATE, "");
  }

  // tcpdump -i tap1c65142e-2a -nne icmp; a capture written with -w is a file, not text output
  private static Optional<SpecCall> tcpdump(List<String> words) {
    String iface = "";
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("-w") || w.startsWith("-w") && !w.startsWith("-w=")) {
        return Optional.empty();
      }
      if (w.equals("-i") && i + 1 < words.size()) {
        iface = words.get(i + 1);
      } else if (w.startsWith("-i") && w.length() > 2 && !w.startsWith("-i=")) {
        iface = w.substring(2);
      }
    }
    return call(Spec.TCPDUMP_TEXT, iface);
  }

  /** Words of the command before any pipe, without sudo/nohup/timeout wrappers and paths. */
  static List<String> words(String commandLine) {
    String c = commandLine.trim();
    int pipe = c.indexOf('|');
    if (pipe >= 0) {
      c = c.substring(0, pipe);
    }
    c = c.replaceAll("[&;]\\s*$", "").trim();
    List<String> out = new ArrayList<>();
    for (String w : c.split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w.replace("\"", "").replace("'", ""));
      }
    }
    while (!out.isEmpty() && out.get(0).matches("sudo|nohup|exec|command|time")) {
      out.remove(0);
    }
    if (!out.isEmpty() && out.get(0).equals("timeout")) {
      out.remove(0);
      while (!out.isEmpty() && (out.get(0).startsWith("-") || out.get(0).matches("\\d+[smh]?"))) {
        out.remove(0);
      }
    }
    if (!out.isEmpty()) {
      String tool = out.get(0);
      tool = tool.substring(tool.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      out.set(0, tool);
    }
    return out;
  }

  // options like --all-tenants, -t 5, -O OpenFlow13 are dropped; their values too where known
  private static List<String> positional(List<String> args, String tool) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-")) {
        if (takesValue(tool, a) && i + 1 < args.size()) {
          i++;
        }
        continue;
      }
      out.add(a);
    }
    return out;
  }

  private static boolean takesValue(String tool, String option) {
    return switch (tool) {
      case "ovs-vsctl", "ovs-appctl" -> option.equals("-t") || option.equals("--timeout");
      case "ovs-ofctl" -> option.equals("-O") || option.equals("--protocols");
      case "openstack", "nova", "neutron" -> option.matches("-f|--format|-c|--column|--os-.*");
      case "ip" -> option.matches("-n|-netns|-f|-family");
      default -> false;
    };
  }

  private static Optional<SpecCall> call(Spec spec, String subject) {
    return Optional.of(new SpecCall(spec, subject));
  }
}
