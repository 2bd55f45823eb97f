package io.vmflow.topology;

import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * A dump made in a test: command outputs written inline, parsed by their real (pure) parsers into
 * the records topology joins, then correlated with {@link TopologyBuilder}. Plain Java: no Spring,
 * no database, milliseconds per test. Tables are drawn by {@link #table} so widths never drift.
 */
public final class Dump {

  public static final String VM = "11111111-aaaa-4bbb-8ccc-000000000001";
  public static final String PORT = "1c65142e-2a4f-4664-b702-2176122a2ea4";
  public static final String ID = "1c65142e-2a";
  public static final String NET = "bef86639-5fee-45a3-8db5-0b20b6363ba2";
  public static final String MAC = "fa:16:3e:29:fb:13";

  private final List<Fact> facts = new ArrayList<>();

  /** Adds the output of {@code spec} run on {@code host} ("" for a controller table). */
  public Dump on(String host, Spec spec, String subject, String text) {
    CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
    String origin = (host.isEmpty() ? "controller" : host) + "/" + spec.id();
    var parsed = parser.parse(new SourceText(spec, origin, 1, subject, text.lines().toList()));
    facts.add(new Fact(host, spec, origin, subject, parsed.value().orElseThrow()));
    return this;
  }

  /** nova show and nova interface-list of one VM with one port, placed on {@code host}. */
  public Dump vm(String vm, String host, String port, String mac, String ip) {
    on(
        "",
        Spec.NOVA_SHOW,
        vm,
        table(
            List.of("Property", "Value"),
            List.of(
                List.of("OS-EXT-SRV-ATTR:host", host),
                List.of("OS-EXT-SRV-ATTR:hypervisor_hostname", host),
                List.of("id", vm),
                List.of("name", "vm-" + vm.substring(vm.length() - 1)),
                List.of("status", "ACTIVE"))));
    return on(
        "",
        Spec.NOVA_INTERFACE_LIST,
        vm,
        table(
            List.of("Port State", "Port ID", "Net ID", "IP addresses", "MAC Addr"),
            List.of(List.of("ACTIVE", port, NET, ip, mac))));
  }

  public Topology build() {
    return TopologyBuilder.build(facts);
  }

  /** The hops of the VM's first port as {@code device:KIND} (absent devices marked {@code !}). */
  public static List<String> path(Topology t, String vm) {
    return t.vm(vm).orElseThrow().ports().get(0).hops().stream()
        .map(h -> h.device() + ":" + h.kind() + (h.present() ? "" : "!"))
        .toList();
  }

  /** An ASCII table as the nova and neutron clients draw it. */
  public static String table(List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int x : w) {
      rule.append("-".repeat(x + 2)).append('+');
    }
    StringBuilder out = new StringBuilder(rule).append('\n');
    out.append(row(header, w)).append(rule).append('\n');
    rows.forEach(r -> out.append(row(r, w)));
    return out.append(rule).append('\n').toString();
  }

  private static String row(List<String> cells, int[] w) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < w.length; i++) {
      b.append(' ').append(String.format("%-" + w[i] + "s", cells.get(i))).append(" |");
    }
    return b.append('\n').toString();
  }
}
