package io.vmflow.ingest;

import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a command line as typed at a prompt to the output kind it produces and the object it is
 * about: {@code ovs-ofctl show br-int |grep 1c65} is {@code OVS_OFCTL_SHOW} of {@code br-int}.
 */
public final class CommandSpecs {

  /** A recognised command: its spec and subject ("" when the command has none). */
  public record SpecCall(Spec spec, String subject) {}

  private CommandSpecs() {}

  public static Optional<SpecCall> of(String commandLine) {
    List<String> words = words(commandLine);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String tool = words.get(0);
    List<String> args = positional(words.subList(1, words.size()), tool);
    return switch (tool) {
      case "nova" -> nova(args);
      case "neutron" -> neutron(args);
      case "openstack" -> openstack(args);
      case "cps" ->
          first(args).equals("host-list") ? call(Spec.CPS_HOST_LIST, "") : Optional.empty();
      case "brctl" -> first(args).equals("show") ? call(Spec.BRCTL_SHOW, "") : Optional.empty();
      case "bridge" -> bridge(args);
      case "ip" -> ip(args);
      case "ovs-vsctl" ->
          first(args).equals("show") ? call(Spec.OVS_VSCTL_SHOW, "") : Optional.empty();
      case "ovs-ofctl" -> ovsOfctl(args);
      case "ovs-appctl" -> ovsAppctl(args);
      case "ovs-dpctl" ->
          first(args).equals("show") ? call(Spec.OVS_DPCTL_SHOW, "") : Optional.empty();
      case "virsh" -> virsh(args);
      case "tcpdump" -> tcpdump(words);
      case "hostname" -> call(Spec.HOSTNAME, "");
      case "iptables-save", "ip6tables-save" -> call(Spec.IPTABLES_SAVE, "");
      case "iptables", "ip6tables" -> iptables(words);
      case "nft" ->
          String.join(" ", args).startsWith("list ruleset")
              ? call(Spec.NFT_LIST_RULESET, "")
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<SpecCall> nova(List<String> a) {
    return switch (first(a)) {
      case "list" -> call(Spec.NOVA_LIST, "");
      case "show" -> call(Spec.NOVA_SHOW, second(a));
      case "interface-list" -> call(Spec.NOVA_INTERFACE_LIST, second(a));
      default -> Optional.empty();
    };
  }

  private static Optional<SpecCall> neutron(List<String> a) {
    return switch (first(a)) {
      case "port-show" -> call(Spec.NEUTRON_PORT_SHOW, second(a));
      case "port-list" -> call(Spec.NEUTRON_PORT_LIST, "");
      case "net-list" -> call(Spec.NEUTRON_NET_LIST, "");
      case "subnet-list" -> call(Spec.NEUTRON_SUBNET_LIST, "");
      case "router-list" -> call(Spec.NEUTRON_ROUTER_LIST, "");
      case "router-show" -> call(Spec.NEUTRON_ROUTER_SHOW, second(a));
      default -> Optional.empty();
    };
  }

  private static Optional<SpecCall> openstack(List<String> a) {
    String object = first(a);
    String verb = second(a);
    String subject = a.size() > 2 ? a.get(2) : "";
    Spec spec =
        switch (object + " " + verb) {
          case "server list" -> Spec.OPENSTACK_SERVER_LIST;
          case "server show" -> Spec.OPENSTACK_SERVER_SHOW;
          case "port list" -> Spec.OPENSTACK_PORT_LIST;
          case "port show" -> Spec.OPENSTACK_PORT_SHOW;
          case "network list" -> Spec.OPENSTACK_NETWORK_LIST;
          case "network show" -> Spec.OPENSTACK_NETWORK_SHOW;
          case "subnet list" -> Spec.OPENSTACK_SUBNET_LIST;
          case "router list" -> Spec.OPENSTACK_ROUTER_LIST;
          case "router show" -> Spec.OPENSTACK_ROUTER_SHOW;
          default -> null;
        };
    return spec == null ? Optional.empty() : call(spec, verb.equals("show") ? subject : "");
  }

  private static Optional<SpecCall> bridge(List<String> a) {
    if (first(a).equals("link")) {
      return call(Spec.BRIDGE_LINK_SHOW, "");
    }
    return first(a).equals("fdb") ? call(Spec.BRIDGE_FDB_SHOW, "") : Optional.empty();
  }

  // iptables -vnxL, iptables -t filter -nvL, iptables -L -n -v: a listing, not a change
  private static Optional<SpecCall> iptables(List<String> words) {
    boolean list = words.stream().anyMatch(w -> w.matches("-[a-zA-Z]*L[a-zA-Z]*|--list"));
    boolean changes = words.stream().anyMatch(w -> w.matches("-[ADIRFNXPZ]"));
    return list && !changes ? call(Spec.IPTABLES_LIST, "") : Optional.empty();
  }

  private static Optional<SpecCall> ip(List<String> a) {
    String object = first(a);
    if (object.matches("l|li|lin|link")) {
      return call(Spec.IP_LINK, "");
    }
    if (object.matches("a|ad|add|addr|addre|addres|address")) {
      return call(Spec.IP_ADDR, "");
    }
    return Optional.empty();
  }

  private static Optional<SpecCall> ovsOfctl(List<String> a) {
    return switch (first(a)) {
      case "show" -> call(Spec.OVS_OFCTL_SHOW, second(a));
      case "dump-flows" -> call(Spec.OVS_OFCTL_DUMP_FLOWS, second(a));
      default -> Optional.empty();
    };
  }

  private static Optional<SpecCall> ovsAppctl(List<String> a) {
    return switch (first(a)) {
      case "fdb/show" -> call(Spec.OVS_APPCTL_FDB_SHOW, second(a));
      case "dpctl/show" -> call(Spec.OVS_DPCTL_SHOW, "");
      case "ofproto/list-tunnels" -> call(Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS, "");
      case "ofproto/trace" -> call(Spec.OVS_APPCTL_OFPROTO_TRACE, second(a));
      default -> Optional.empty();
    };
  }

  private static Optional<SpecCall> virsh(List<String> a) {
    return switch (first(a)) {
      case "list" -> call(Spec.VIRSH_LIST, "");
      case "dumpxml" -> call(Spec.VIRSH_DUMPXML, second(a));
      default -> Optional.empty();
    };
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

  private static String first(List<String> a) {
    return a.isEmpty() ? "" : a.get(0);
  }

  private static String second(List<String> a) {
    return a.size() > 1 ? a.get(1) : "";
  }

  private static Optional<SpecCall> call(Spec spec, String subject) {
    return Optional.of(new SpecCall(spec, subject));
  }
}
