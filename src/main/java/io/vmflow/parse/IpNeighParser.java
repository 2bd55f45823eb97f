package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip neigh show} (sos: {@code ip_-s_-s_neigh_show}, also inside each namespace):
 *
 * <pre>
 * 192.168.21.18 dev qr-3a70b31c-3f lladdr fa:16:3e:a7:45:cb used 364/82/364 probes 0 PERMANENT
 * 10.0.0.131 dev br-ens3 lladdr 00:16:3e:3a:20:be ref 1 used 82/10/77 probes 1 REACHABLE
 * 10.9.9.2 dev va  ref 1 used 2/62/2probes 6 INCOMPLETE
 * </pre>
 *
 * Kept: address, dev, lladdr, {@code router}, the NUD state (the last upper-case word; iproute2 6.1
 * glues {@code probes} to the counters when there is no lladdr). Ignored: ref, used, probes, proxy
 * entries' flags.
 */
final class IpNeighParser implements CommandParser<IpNeigh> {

  // 192.168.21.18 dev qr-3a70b31c-3f lladdr fa:16:3e:a7:45:cb ... PERMANENT
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*([0-9a-fA-F.:]+)\\s+dev\\s+(\\S+)(.*)$");
  private static final Pattern STATE = Pattern.compile("[A-Z]+(,[A-Z]+)*");

  @Override
  public Spec spec() {
    return Spec.IP_NEIGH;
  }

  @Override
  public Class<IpNeigh> type() {
    return IpNeigh.class;
  }

  @Override
  public Parsed<IpNeigh> parse(SourceText source) {
    List<IpNeigh.Neighbour> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher m = ENTRY.matcher(line);
      if (!m.matches() || !m.group(1).matches(".*[.:].*")) {
        if (!line.isBlank()) {
          findings.add(ParseFindings.unrecognised(source, i, "ip neigh"));
        }
        continue;
      }
      List<String> w = Arrays.asList(m.group(3).trim().split("\\s+"));
      int at = w.indexOf("lladdr");
      Optional<MacAddress> mac =
          at >= 0 && at + 1 < w.size() ? MacAddress.parse(w.get(at + 1)) : Optional.empty();
      String last = w.isEmpty() ? "" : w.get(w.size() - 1);
      String state = STATE.matcher(last).matches() ? last : "";
      out.add(
          new IpNeigh.Neighbour(
              m.group(1), m.group(2), mac, state, w.contains("router"), source.lineNo(i)));
    }
    return Parsed.of(new IpNeigh(out), findings);
  }
}
