package io.vmflow.topology;

import static io.vmflow.topology.Dump.ID;
import static io.vmflow.topology.Dump.MAC;
import static io.vmflow.topology.Dump.PORT;
import static io.vmflow.topology.Dump.VM;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "say what is there, only what is there": hosts are hypervisors only, the controller's
 * tables are controller data, an unknown hypervisor name is no host, a bridge's LOCAL port is down
 * by design, and PATH_UNKNOWN names the port it looked for and never denies a device the dump
 * shows.
 */
class SayWhatIsThereTest {

  private static final String VSCTL =
      """
      0b8a6f24-1a4b-4c9e-9a0e-2c7c1d5b1e11
          Bridge br-int
              Port "qvo1c65142e-2a"
                  tag: 1
                  Interface "qvo1c65142e-2a"
              Port br-int
                  Interface br-int
                      type: internal
          ovs_version: "2.17.0"
      """;

  @Test
  void theControllerIsControllerDataNotAHost() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on("compute-a", Spec.OVS_VSCTL_SHOW, "", VSCTL)
            // the controller's own tables, collected on a named machine with no hypervisor output
            .on(
                "controller",
                Spec.NOVA_SHOW,
                VM,
                Dump.table(
                    List.of("Property", "Value"),
                    List.of(List.of("id", VM), List.of("name", "vm-1"))))
            .build();

    assertThat(t.hosts()).extracting(Host::key).containsExactly("compute-a");
    assertThat(t.controllers()).extracting(ControllerData::key).containsExactly("controller");
    assertThat(t.controllers().get(0).outputs()).containsExactly("nova_show");
    assertThat(t.controllers().get(0).origins()).containsExactly("controller/nova_show");
  }

  @Test
  void aHypervisorNamedNoneIsNoHost() {
    Topology alone = new Dump().vm(VM, "None", PORT, MAC, "10.0.0.17").build();
    assertThat(alone.vm(VM).orElseThrow().hostKey()).isEmpty();
    assertThat(alone.hosts()).isEmpty();

    // with a host whose OVS shows the VM's device, the VM is placed there, and there is no "None"
    Topology t =
        new Dump()
            .vm(VM, "None", PORT, MAC, "10.0.0.17")
            .on("compute-a", Spec.OVS_VSCTL_SHOW, "", VSCTL)
            .build();
    assertThat(t.vm(VM).orElseThrow().hostKey()).isEqualTo("compute-a");
    assertThat(t.hosts()).extracting(Host::key).containsExactly("compute-a");
    assertThat(TopologyBuilder.unknownHost("None")).isTrue();
    assertThat(TopologyBuilder.unknownHost("null")).isTrue();
    assertThat(TopologyBuilder.unknownHost("compute-a")).isFalse();
  }

  @Test
  void aBridgesLocalPortIsDownByDesignAndAVmPortDownIsNot() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on("compute-a", Spec.OVS_VSCTL_SHOW, "", VSCTL)
            .on(
                "compute-a",
                Spec.OVS_OFCTL_SHOW,
                "br-int",
                """
                 5(qvo1c65142e-2a): addr:7a:92:22:ab:2f:17
                     config:     PORT_DOWN
                     state:      LINK_DOWN
                 LOCAL(br-int): addr:2e:13:35:c8:26:46
                     config:     PORT_DOWN
                     state:      LINK_DOWN
                """)
            .build();

    Bridge brInt = t.host("compute-a").orElseThrow().bridge("br-int").orElseThrow();
    BridgePort local =
        brInt.ports().stream().filter(p -> p.name().equals("br-int")).findFirst().orElseThrow();
    BridgePort qvo =
        brInt.ports().stream().filter(p -> p.name().equals("qvo" + ID)).findFirst().orElseThrow();
    assertThat(local.down()).isTrue();
    assertThat(local.downByDesign()).isTrue();
    assertThat(qvo.down()).isTrue();
    assertThat(qvo.downByDesign()).isFalse();
  }

  @Test
  void pathUnknownNamesThePortAndNeverDeniesADeviceTheDumpShows() {
    HostFacts shows = new HostFacts("compute-a");
    new Dump().on("compute-a", Spec.OVS_VSCTL_SHOW, "", VSCTL).build(); // parser check
    var parsed =
        io.vmflow.parse.ParserRegistry.parserFor(Spec.OVS_VSCTL_SHOW)
            .orElseThrow()
            .parse(
                new io.vmflow.parse.SourceText(
                    Spec.OVS_VSCTL_SHOW, "compute-a/vsctl", 1, "", VSCTL.lines().toList()))
            .value()
            .orElseThrow();
    shows.add(new Fact("compute-a", Spec.OVS_VSCTL_SHOW, "compute-a/vsctl", "", parsed));
    HostFacts empty = new HostFacts("compute-b");
    Vm vm = new Vm(VM, "vm-1", "ACTIVE", "", List.of(port(PORT, ID)), List.of(), List.of());

    String seen = Coverage.pathUnknown(List.of(shows), vm, vm.ports().get(0));
    assertThat(seen)
        .contains(PORT)
        .contains("qvo" + ID + " on compute-a")
        .doesNotContain("no host output");

    String none = Coverage.pathUnknown(List.of(empty), vm, vm.ports().get(0));
    assertThat(none).contains(PORT).contains("no host output").contains("vm-1");

    Vm noPort = new Vm(VM, "vm-1", "ACTIVE", "", List.of(port("", "")), List.of(), List.of());
    assertThat(Coverage.pathUnknown(List.of(empty), noPort, noPort.ports().get(0)))
        .contains("no port id")
        .doesNotContain("of port  ")
        .doesNotContain("pvo)");
  }

  @Test
  void everyPathUnknownFindingOfABuiltTopologyNamesItsPort() {
    Topology t = new Dump().vm(VM, "compute-a", PORT, MAC, "10.0.0.17").build();
    List<Finding> unknown =
        t.findings().stream().filter(f -> f.code().equals(Coverage.PATH_UNKNOWN)).toList();
    assertThat(unknown).isNotEmpty();
    assertThat(unknown).allSatisfy(f -> assertThat(f.message()).contains(PORT));
  }

  private static VmPort port(String portId, String deviceId) {
    return new VmPort(
        portId, "", deviceId, MAC, List.of(), "", "", List.of(), "ACTIVE", List.of(), List.of(),
        List.of());
  }
}
