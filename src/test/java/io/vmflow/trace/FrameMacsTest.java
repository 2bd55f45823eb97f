package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MACs a traced frame carries: a VM's own, and for anything else the VM's gateway, as a frame
 * to a router or beyond it leaves the VM addressed to the router's qr- port. Addresses and MACs are
 * the lab's (src/test/lab/run-lab.sh: lab-vm1 and lab-router's qr-1c2d3e4f-a0 in its namespace).
 */
class FrameMacsTest {

  private static final String VM1 = "10.20.0.11";

  private static Topology with(Namespace... routers) {
    VmPort port =
        new VmPort(
            "3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a51",
            "",
            "11111111-aaaa-4bbb-8ccc-000000000001",
            "FA:16:3E:11:11:01",
            List.of(VM1),
            "net",
            "lab-net",
            List.of("10.20.0.0/24"),
            "ACTIVE",
            List.of(),
            List.of(),
            List.of());
    Vm vm =
        new Vm(
            "11111111-aaaa-4bbb-8ccc-000000000001",
            "lab-vm1",
            "ACTIVE",
            "compute-a",
            List.of(port),
            List.of(),
            List.of());
    return new Topology(List.of(), List.of(vm), List.of(), List.of(), List.of(routers), List.of());
  }

  private static Namespace router(String name, String mac, String address) {
    Namespace.Port qr =
        new Namespace.Port(
            "qr-1c2d3e4f-a0",
            "qr",
            "1c2d3e4f-a0",
            true,
            "UP",
            mac,
            1500,
            List.of(address),
            "br-int",
            "4",
            1,
            new Evidence("ip_address", 9));
    return new Namespace(
        "controller",
        name,
        "QROUTER",
        name.substring(8),
        List.of(qr),
        List.of(),
        List.of(),
        List.of(),
        true,
        true,
        false,
        false,
        List.of());
  }

  @Test
  void aVmsOwnAddressIsItsPortsMac() {
    assertThat(Tracer.mac(with(), VM1, "10.20.0.1")).isEqualTo("fa:16:3e:11:11:01");
  }

  @Test
  void theGatewayAndWhatLiesBeyondItAreTheRoutersQrMac() {
    Topology t = with(router("qrouter-8d2e4f60", "fa:16:3e:aa:00:01", "10.20.0.1/24"));
    assertThat(Tracer.mac(t, "10.20.0.1", VM1)).isEqualTo("fa:16:3e:aa:00:01");
    assertThat(Tracer.mac(t, "172.24.4.1", VM1)).isEqualTo("fa:16:3e:aa:00:01");
  }

  @Test
  void noRouterOnTheVmsSubnetOrTwoOfThemLeaveTheMacUnknown() {
    assertThat(
            Tracer.mac(
                with(router("qrouter-1", "fa:16:3e:aa:00:01", "10.30.0.1/24")), "172.24.4.1", VM1))
        .isEqualTo("00:00:00:00:00:00");
    // two tenants' routers on the same private subnet: which one is the VM's is not known
    Topology overlap =
        with(
            router("qrouter-1", "fa:16:3e:aa:00:01", "10.20.0.1/24"),
            router("qrouter-2", "fa:16:3e:bb:00:01", "10.20.0.254/24"));
    assertThat(Tracer.mac(overlap, "172.24.4.1", VM1)).isEqualTo("00:00:00:00:00:00");
    // but the router holding the address itself is known
    assertThat(Tracer.mac(overlap, "10.20.0.254", VM1)).isEqualTo("fa:16:3e:bb:00:01");
  }
}
