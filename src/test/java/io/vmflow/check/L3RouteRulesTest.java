package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The router's route back to the VM, on two VMs of two networks behind two routers (as the lab's
 * route-missing builds one): a fault on one router marks only that router's VM.
 */
class L3RouteRulesTest {

  static final String HOST = "compute-a";
  static final String ROUTES = "ip_netns_exec_qrouter-r1_ip_route_show_table_all";

  @Test
  void aRouterWithItsConnectedRouteIsQuiet() {
    assertThat(new L3RouteRules().check(topology(true))).isEmpty();
  }

  @Test
  void aMissingRouteBackIsNamedOnTheVmOfThatRouterOnly() {
    List<Finding> found = new L3RouteRules().check(topology(false));
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(L3RouteRules.L3_ROUTE_MISSING);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.message())
                  .contains("qrouter-r1", "qr-aaaaaaaa-aa", "10.20.0.11")
                  .contains("default via 172.24.4.1 dev qg-aaaaaaaa-aa");
              assertThat(f.origin()).isEqualTo(ROUTES);
              assertThat(f.line()).isEqualTo(1);
            });
  }

  @Test
  void noRouteAtAllIsSaid() {
    Topology t = topology(false);
    Namespace r1 = t.namespaces().get(0);
    Namespace bare =
        new Namespace(
            r1.host(),
            r1.name(),
            r1.kind(),
            r1.objectId(),
            r1.ports(),
            List.of(),
            List.of(),
            List.of(),
            true,
            true,
            false,
            false,
            List.of());
    Topology without =
        new Topology(
            t.hosts(),
            t.vms(),
            List.of(),
            List.of(),
            List.of(bare, t.namespaces().get(1)),
            t.l3Paths());
    assertThat(new L3RouteRules().check(without))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no route to 10.20.0.11 at all"));
  }

  // vm1 (10.20.0.11) behind qrouter-r1, vm2 (10.30.0.12) behind qrouter-r2; r1's connected route
  // present or not
  static Topology topology(boolean r1Connected) {
    List<Namespace.Route> r1 = new ArrayList<>();
    r1.add(route("default", "172.24.4.1", "qg-aaaaaaaa-aa", ROUTES, 1));
    if (r1Connected) {
      r1.add(route("10.20.0.0/24", "", "qr-aaaaaaaa-aa", ROUTES, 2));
    }
    List<Namespace.Route> r2 =
        List.of(
            route("default", "172.24.4.1", "qg-bbbbbbbb-bb", "r2", 1),
            route("10.30.0.0/24", "", "qr-bbbbbbbb-bb", "r2", 2));
    return new Topology(
        List.of(),
        List.of(vm("vm1", "10.20.0.11"), vm("vm2", "10.30.0.12")),
        List.of(),
        List.of(),
        List.of(
            router("qrouter-r1", "qr-aaaaaaaa-aa", r1), router("qrouter-r2", "qr-bbbbbbbb-bb", r2)),
        List.of(
            path("vm1", "10.20.0.11", "qrouter-r1", "qr-aaaaaaaa-aa", "10.20.0.1"),
            path("vm2", "10.30.0.12", "qrouter-r2", "qr-bbbbbbbb-bb", "10.30.0.1")));
  }

  static Namespace.Route route(String dst, String via, String dev, String origin, int line) {
    return new Namespace.Route("unicast", dst, via, dev, "main", new Evidence(origin, line));
  }

  static Namespace router(String name, String qr, List<Namespace.Route> routes) {
    Namespace.Port port =
        new Namespace.Port(
            qr,
            "qr",
            qr.substring(3),
            true,
            "UP",
            "fa:16:3e:00:00:01",
            1500,
            List.of(),
            "br-int",
            "4",
            1,
            new Evidence("addr", 5));
    return new Namespace(
        HOST,
        name,
        "QROUTER",
        name.substring(8),
        List.of(port),
        routes,
        List.of(),
        List.of(),
        true,
        true,
        false,
        false,
        List.of());
  }

  static L3Path path(String vm, String ip, String ns, String qr, String gw) {
    return new L3Path(
        vm,
        vm + "-port",
        List.of(
            new L3Hop("tap", "VM", HOST, "", ip, "", "", "", -1, "", true, List.of()),
            new L3Hop(
                qr,
                "GATEWAY",
                HOST,
                ns,
                gw,
                "",
                "br-int",
                "4",
                1,
                "",
                true,
                List.of(new Evidence("addr", 5)))));
  }

  static Vm vm(String id, String ip) {
    Hop tap =
        new Hop("tap" + id, HopKind.TAP, "", "", -1, "", true, HOST, "", List.of(), List.of());
    VmPort port =
        new VmPort(
            id + "-port",
            "",
            "",
            "",
            List.of(ip),
            "net",
            "net",
            List.of(),
            "ACTIVE",
            List.of(tap),
            List.of(),
            List.of());
    return new Vm(id, id, "ACTIVE", HOST, List.of(port), List.of(), List.of());
  }
}
