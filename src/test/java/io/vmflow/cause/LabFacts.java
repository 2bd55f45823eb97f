package io.vmflow.cause;

import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.BundleLayout;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lab's real outputs (src/test/resources/cause) as facts, and the lab's VMs as a topology. */
final class LabFacts {

  static final String A = "compute-a";
  static final String B = "compute-b";
  static final String VM1 = "3f1a2b4c-5d";
  static final String VM2 = "9e8d7c6b-5a";
  static final String VM3 = "b4c5d6e7-f8";

  private LabFacts() {}

  /** Parses {@code cause/<file>} as the spec its sos name says, on host {@code host}. */
  static Fact fact(String host, String file) {
    Path p = Path.of("src/test/resources/cause", file);
    String sosName = file.substring(file.indexOf('_') + 1);
    BundleLayout.Match m = BundleLayout.match(sosName).orElseThrow();
    CommandParser<?> parser = ParserRegistry.parserFor(m.spec()).orElseThrow();
    List<String> lines;
    try {
      lines = Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    io.vmflow.parse.ParsedRecord value =
        parser
            .parse(new SourceText(m.spec(), p.toString(), 1, m.subject(), lines))
            .value()
            .orElseThrow();
    return new Fact(host, m.spec(), p.toString(), m.subject(), value);
  }

  static Hop hop(String device, HopKind kind, String bridge, String host) {
    return new Hop(device, kind, bridge, "", -1, "", true, host, "", List.of(), List.of());
  }

  /** vm1 (hybrid plug, compute-a), vm2 (FusionSphere plug, compute-a), vm3 (compute-b). */
  static Topology topology() {
    List<Vm> vms = new ArrayList<>();
    vms.add(vm("vm1", VM1, "fa:16:3e:11:11:01", "10.20.0.11", hybrid(VM1, A)));
    vms.add(
        vm(
            "vm2",
            VM2,
            "fa:16:3e:22:22:02",
            "10.20.0.12",
            List.of(
                hop("tap" + VM2, HopKind.TAP, "qbr" + VM2, A),
                hop("qbr" + VM2, HopKind.LINUX_BRIDGE, "", A),
                hop("qvm" + VM2, HopKind.VETH_BRIDGE_SIDE, "qbr" + VM2, A),
                hop("ply" + VM2, HopKind.PORT_BRIDGE, "", A),
                hop("pvi" + VM2, HopKind.PATCH, "ply" + VM2, A),
                hop("pvo" + VM2, HopKind.PATCH, "br-int", A),
                hop("br-int", HopKind.INTEGRATION_BRIDGE, "", A))));
    vms.add(vm("vm3", VM3, "fa:16:3e:33:33:03", "10.20.0.13", hybrid(VM3, B)));
    return new Topology(List.of(), vms, List.of());
  }

  private static List<Hop> hybrid(String dev, String host) {
    return List.of(
        hop("tap" + dev, HopKind.TAP, "qbr" + dev, host),
        hop("qbr" + dev, HopKind.LINUX_BRIDGE, "", host),
        hop("qvb" + dev, HopKind.VETH_BRIDGE_SIDE, "qbr" + dev, host),
        hop("qvo" + dev, HopKind.VETH_OVS_SIDE, "br-int", host),
        hop("br-int", HopKind.INTEGRATION_BRIDGE, "", host),
        hop("patch-tun", HopKind.PATCH, "br-int", host));
  }

  private static Vm vm(String name, String dev, String mac, String ip, List<Hop> hops) {
    VmPort port =
        new VmPort(
            dev + "-port",
            "",
            dev,
            mac,
            List.of(ip),
            "net",
            "lab-net",
            List.of("10.20.0.0/24"),
            "ACTIVE",
            hops,
            List.of(),
            List.of());
    return new Vm(
        name + "-id", name, "ACTIVE", hops.get(0).host(), List.of(port), List.of(), List.of());
  }
}
