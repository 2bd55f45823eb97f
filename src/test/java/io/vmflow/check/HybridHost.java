package io.vmflow.check;

import io.vmflow.model.DeviceNames;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Dump;
import io.vmflow.topology.Topology;
import java.util.List;

/**
 * Rule inputs made in the test: VMs hybrid-plugged on {@code compute-a} (tap → qbr → qvb ⇄ qvo →
 * br-int), from inline command outputs parsed by the real parsers, correlated in plain Java.
 */
final class HybridHost {

  static final String HOST = "compute-a";
  static final String VM2 = "22222222-aaaa-4bbb-8ccc-000000000002";
  static final String PORT2 = "2d76253f-3b5a-4775-a813-3287233b3fb5";
  static final String MAC2 = "fa:16:3e:00:00:02";

  final Dump dump = new Dump();

  /** One VM ({@link Dump#VM}, port {@link Dump#PORT}) on VLAN 1, OpenFlow port 5. */
  static HybridHost oneVm() {
    return new HybridHost().vm(Dump.VM, Dump.PORT, Dump.MAC, "10.0.0.17", 1, 5);
  }

  HybridHost vm(String vm, String port, String mac, String ip, int tag, int ofport) {
    String id = DeviceNames.idPart(port);
    dump.vm(vm, HOST, port, mac, ip)
        .on(
            HOST,
            Spec.BRCTL_SHOW,
            "",
            "qbr"
                + id
                + "\t\t8000.4e62113fce3a\tno\t\tqvb"
                + id
                + "\n\t\t\t\t\t\t\ttap"
                + id
                + "\n")
        .on(
            HOST,
            Spec.OVS_VSCTL_SHOW,
            "",
            "    Bridge br-int\n"
                + "        Port \"qvo"
                + id
                + "\"\n"
                + "            tag: "
                + tag
                + "\n"
                + "            Interface \"qvo"
                + id
                + "\"\n")
        .on(
            HOST,
            Spec.OVS_OFCTL_SHOW,
            "br-int",
            " " + ofport + "(qvo" + id + "): addr:7a:92:22:ab:2f:1" + ofport % 10 + "\n");
    return this;
  }

  HybridHost with(Spec spec, String subject, String text) {
    dump.on(HOST, spec, subject, text);
    return this;
  }

  Topology topology() {
    return dump.build();
  }

  /** The codes {@code rule} finds in this dump (the one place that knows the finding type). */
  List<String> codes(Rule rule) {
    return rule.check(topology()).stream().map(f -> f.code()).toList();
  }
}
