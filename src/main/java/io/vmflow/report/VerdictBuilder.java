package io.vmflow.report;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PathLossLocaliser;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PortPings;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Verdict} from the loss segments and the findings. A loss is one line, about the
 * flow's source (the VM whose pings fail) and naming the peer; its "why" is a finding about either
 * VM that names a device of the segment (a cause finding another stage adds, e.g. a drop flow on
 * br-int).
 */
final class VerdictBuilder {

  private static final String LOSS = PathLossLocaliser.PING_LOSS_LOCALISED;

  private final Topology topology;
  private final List<Finding> findings;
  private final List<io.vmflow.cause.LossCause> causes;
  private final PingResults pings;

  private VerdictBuilder(
      Topology topology,
      List<Finding> findings,
      List<io.vmflow.cause.LossCause> causes,
      PingResults pings) {
    this.pings = pings;
    this.topology = topology;
    this.findings = findings;
    this.causes = causes == null ? List.of() : causes;
  }

  static Verdict build(ReportInput in) {
    VerdictBuilder b = new VerdictBuilder(in.topology(), in.findings(), in.causes(), in.pings());
    List<Verdict.Line> lines = new ArrayList<>();
    Set<Finding> explained = new LinkedHashSet<>();
    List<LossLine> losses = new ArrayList<>();
    b.losses(in.pings().ports()).stream()
        .sorted(Comparator.comparingLong(LossSegment::lost).reversed())
        .forEach(l -> losses.add(b.loss(l, explained)));
    lines.addAll(LossLine.grouped(losses));
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING)) {
      for (Finding f : in.findings()) {
        if (f.severity() == s
            && f.category() == Category.NETWORK
            && !f.code().equals(LOSS)
            && !explained.contains(f)) {
          lines.add(b.other(f));
        }
      }
    }
    return new Verdict(lines, covered(in));
  }

  private List<LossSegment> losses(List<PortPings> ports) {
    Map<String, LossSegment> out = new LinkedHashMap<>();
    for (PortPings p : ports) {
      for (LossSegment l : p.losses()) {
        out.putIfAbsent(l.flow() + "|" + l.direction() + "|" + l.from() + "|" + l.to(), l);
      }
    }
    return List.copyOf(out.values());
  }

  private LossLine loss(LossSegment l, Set<Finding> explained) {
    String[] ends = l.flow().split(" > | id ");
    Optional<Map.Entry<Vm, VmPort>> src = portWith(ends[0]);
    Optional<Map.Entry<Vm, VmPort>> dst = portWith(ends[1]);
    String srcName = src.map(e -> name(e.getKey())).orElse(ends[0]);
    String dstName = dst.map(e -> name(e.getKey())).orElse(ends[1]);
    boolean reply = l.direction().equals("reply");
    List<String> segment = l.inside().isEmpty() ? List.of() : List.of(l.inside().split(", "));
    Set<String> devices = new LinkedHashSet<>(segment);
    devices.add(l.from());
    devices.add(l.to());
    String victim = src.map(e -> e.getKey().id()).orElse("");
    String peer = dst.map(e -> e.getKey().id()).orElse("");
    // the cause stage's causes of this loss, strongest first; else a finding naming the segment
    List<Finding> found = causesOf(l);
    Optional<Finding> cause =
        found.isEmpty() ? cause(devices, victim, peer) : Optional.of(found.get(0));
    explained.addAll(found);
    // with a cause, "where" is its device; without, the whole segment
    List<String> at =
        cause
            .flatMap(f -> segment.stream().filter(d -> names(f.message(), d)).findFirst())
            .map(List::of)
            .orElse(segment);
    Set<String> hosts = new LinkedHashSet<>();
    for (var e : List.of(src, dst)) {
      e.ifPresent(p -> hostsOf(p.getValue(), l, at, hosts));
    }
    // the cause names its host where its one device exists on both (br-int on each side of a
    // tunnel); a "where" that is the whole segment keeps every host the segment crosses
    cause.ifPresent(
        f -> {
          if (at.size() == 1 && hosts.stream().anyMatch(h -> names(f.message(), h))) {
            hosts.removeIf(h -> !names(f.message(), h));
          }
        });
    if (at.isEmpty()) {
      // a link between two adjacent devices: the host they are on
      for (var e : List.of(src, dst)) {
        e.ifPresent(p -> endHosts(p.getValue(), l, hosts));
      }
    }
    String on = hosts.isEmpty() ? "" : " on " + String.join(", ", hosts);
    String where =
        at.isEmpty()
            ? "the link between " + l.from() + " and " + l.to() + on
            : crossing(at, hosts).orElse(String.join(", ", at) + on)
                + ", between "
                + l.from()
                + " and "
                + l.to();
    cause.ifPresent(explained::add);
    String next =
        cause
            .map(Finding::hint)
            .filter(h -> !h.isEmpty())
            .orElse(
                segment.isEmpty()
                    ? "check the link between " + l.from() + " and " + l.to()
                    : "capture on a device inside the segment ("
                        + segment.get(0)
                        + ") to narrow it down, and check its flows, filters and port state");
    // the line is about the VM the problem is on: the flow's source, unless the cause or the whole
    // segment lies on the destination's own path (its tap is down, say); the other VM is affected
    boolean onDest =
        !peer.isEmpty()
            && cause
                .map(f -> f.vmId().equals(peer))
                .orElseGet(() -> ownPath(dst, devices) && !ownPath(src, devices));
    var owner = onDest ? dst : src;
    var other = onDest ? src : dst;
    return new LossLine(
        owner.map(e -> e.getKey().id()).orElse(""),
        onDest ? dstName : srcName,
        other.map(e -> e.getKey().id()).orElse(""),
        onDest ? srcName : dstName,
        onDest,
        reply,
        l.lost(),
        l.seen(),
        SizeContrast.of(l, pings),
        where,
        cause.map(Finding::message).orElse(""),
        cause.flatMap(f -> first(f)).orElse(null),
        next);
  }

  // a segment that crosses from one host to another, said by its ends and the ports it crosses
  // by ("br-int on compute-a → vxlan-c000020c → vxlan-c000020b → br-int on compute-b") rather
  // than every bridge and patch port of both hosts
  private static Optional<String> crossing(List<String> segment, Set<String> hosts) {
    List<Integer> marks = new ArrayList<>();
    for (int i = 0; i < segment.size(); i++) {
      if (segment.get(i).startsWith("[")) {
        marks.add(i);
      }
    }
    if (marks.size() != 1 || hosts.size() != 2) {
      return Optional.empty();
    }
    int k = marks.get(0);
    String far = segment.get(k).substring(1, segment.get(k).length() - 1);
    String near = hosts.stream().filter(h -> !h.equals(far)).findFirst().orElse("");
    if (k == 0 || k == segment.size() - 1 || near.isEmpty() || !hosts.contains(far)) {
      return Optional.empty();
    }
    List<String> way = new ArrayList<>();
    way.add(segment.get(0) + " on " + near);
    for (String d : List.of(segment.get(k - 1), segment.get(k + 1))) {
      if (!way.get(way.size() - 1).startsWith(d + " on ")) {
        way.add(d);
      }
    }
    String last = segment.get(segment.size() - 1) + " on " + far;
    if (!segment.get(segment.size() - 1).equals(segment.get(k + 1))) {
      way.add(last);
    } else {
      way.set(way.size() - 1, last);
    }
    return Optional.of(String.join(" → ", way));
  }

  // every device of the segment is on this VM port's own hops (PathLossLocaliser.names)
  private static boolean ownPath(Optional<Map.Entry<Vm, VmPort>> port, Set<String> devices) {
    return port.map(p -> PathLossLocaliser.names(p.getValue().hops()).containsAll(devices))
        .orElse(false);
  }

  // the findings the cause stage linked to this loss, in its order; a cause of the loss is said
  // as its "why", not again as a problem of its own
  private List<Finding> causesOf(LossSegment l) {
    List<Finding> out = new ArrayList<>();
    for (io.vmflow.cause.LossCause c : causes) {
      if (!c.sentence().equals(l.sentence())) {
        continue;
      }
      for (io.vmflow.cause.LossCause.Ref r : c.causes()) {
        findings.stream()
            .filter(f -> f.code().equals(r.code()) && f.message().equals(r.message()))
            .filter(f -> !out.contains(f))
            .findFirst()
            .ifPresent(out::add);
      }
    }
    return out;
  }

  // a finding about either VM, or about no VM, that names a device of the segment
  private Optional<Finding> cause(Set<String> devices, String victim, String peer) {
    for (Finding f : findings) {
      boolean concerns =
          f.vmId().isEmpty() || f.vmId().equals(victim) || !peer.isEmpty() && f.vmId().equals(peer);
      if (concerns
          && f.category() == Category.NETWORK
          && f.severity().isAtLeast(Severity.WARNING)
          && !f.code().startsWith("PING_")
          && devices.stream().anyMatch(d -> names(f.message(), d))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static boolean names(String message, String device) {
    int i = message.indexOf(device);
    while (i >= 0) {
      int end = i + device.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(message.charAt(i - 1));
      boolean endOk = end == message.length() || !isNameChar(message.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = message.indexOf(device, i + 1);
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  private Verdict.Line other(Finding f) {
    Optional<Vm> vm = topology.vms().stream().filter(v -> v.id().equals(f.vmId())).findFirst();
    Optional<Vm> peer =
        topology.vms().stream().filter(v -> v.id().equals(f.peerVmId())).findFirst();
    return new Verdict.Line(
        f.severity().name(),
        f.code(),
        f.vmId(),
        vm.map(VerdictBuilder::name).orElse(""),
        f.peerVmId(),
        peer.map(VerdictBuilder::name).orElse(""),
        f.peerVmId().isEmpty() ? List.of() : List.of(f.peerVmId()),
        f.message(),
        f.hostKey().isEmpty()
            ? ""
            : topology.host(f.hostKey()).map(h -> h.name()).orElse(f.hostKey()),
        "",
        first(f).orElse(null),
        f.hint());
  }

  private static Optional<io.vmflow.finding.Evidence> first(Finding f) {
    if (!f.evidence().isEmpty()) {
      return Optional.of(f.evidence().get(0));
    }
    return f.origin().isEmpty()
        ? Optional.empty()
        : Optional.of(new io.vmflow.finding.Evidence(f.origin(), f.line()));
  }

  // hosts of the loss's two end points on this port's path
  private static void endHosts(VmPort port, LossSegment l, Set<String> into) {
    List<String> names = PathLossLocaliser.names(port.hops());
    for (String end : List.of(l.from(), l.to())) {
      int k = names.indexOf(end);
      if (k >= 0 && !port.hops().get(k).host().isEmpty()) {
        into.add(port.hops().get(k).host());
      }
    }
  }

  // hosts of the segment's devices on this port's path: the run of them next to the loss's end
  // point on the path (a br-int further along, on the tunnel's far side, is another device)
  private static void hostsOf(VmPort port, LossSegment l, List<String> segment, Set<String> into) {
    List<String> names = PathLossLocaliser.names(port.hops());
    for (String end : List.of(l.from(), l.to())) {
      int k = names.indexOf(end);
      for (int step : new int[] {1, -1}) {
        for (int n = k + step; k >= 0 && n >= 0 && n < names.size(); n += step) {
          if (!segment.contains(names.get(n))) {
            break;
          }
          Hop h = port.hops().get(n);
          if (!h.host().isEmpty()) {
            into.add(h.host());
          }
        }
      }
    }
  }

  private Optional<Map.Entry<Vm, VmPort>> portWith(String ip) {
    for (Vm vm : topology.vms()) {
      for (VmPort p : vm.ports()) {
        if (p.ips().contains(ip)) {
          return Optional.of(Map.entry(vm, p));
        }
      }
    }
    return Optional.empty();
  }

  static String name(Vm vm) {
    return vm.name().isEmpty() ? vm.id() : vm.name();
  }

  private static String covered(ReportInput in) {
    long withPath =
        in.topology().vms().stream()
            .filter(v -> v.ports().stream().anyMatch(p -> !p.hops().isEmpty()))
            .count();
    long points =
        in.pings().ports().stream()
            .flatMap(p -> p.points().stream())
            .map(s -> s.point())
            .distinct()
            .count();
    int vms = in.topology().vms().size();
    return count(vms, "VM")
        + " on "
        + count(in.topology().hosts().size(), "host")
        + "; "
        + withPath
        + " with a traced path"
        + (withPath < vms ? " (" + (vms - withPath) + " without: no host output for them)" : "")
        + "; "
        + (points == 0
            ? "no capture of VM traffic, so no loss could be localised"
            : count(points, "capture point") + " on VM paths");
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
