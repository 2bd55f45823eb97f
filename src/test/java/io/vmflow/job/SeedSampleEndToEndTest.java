package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole job on {@code samples/seed-fusionsphere} (the field note's procedure as a saved
 * shell session) and checks every fact the note's engineer assembled by hand.
 */
class SeedSampleEndToEndTest {

  private static final String VM = "8851611c-b34d-4f90-8670-273fe1e9dec3";

  @TempDir static Path out;
  static int exit;
  static JsonNode report;
  static JsonNode vm;

  @BeforeAll
  static void analyse() throws Exception {
    exit = VmflowMain.run("analyze", "samples/seed-fusionsphere", "-o", out.toString());
    report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    for (JsonNode v : report.get("vms")) {
      if (v.get("id").asString().equals(VM)) {
        vm = v;
      }
    }
  }

  @Test
  void runSucceedsAndWritesTheReport() {
    assertThat(exit).isZero();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("report.json")).exists();
    assertThat(vm).as("VM %s in report.json", VM).isNotNull();
    assertThat(out.resolve(vm.get("page").asString())).exists();
  }

  @Test
  void vmIsOnHostBc11hgsa0() {
    JsonNode host = vm.get("host");
    assertThat(host.get("name").asString()).isEqualTo("BC11HGSA0");
    assertThat(host.get("id").asString()).isEqualTo("68569C29-D21D-B211-BB45-0018E1C5D866");
    assertThat(texts(host.get("ips"))).contains("172.29.0.5", "6.27.73.154");
  }

  @Test
  void portCarriesAliasMacIpAndNetwork() {
    JsonNode port = vm.get("ports").get(0);
    assertThat(port.get("portId").asString()).isEqualTo("81e4a23a-4053-40ce-9044-4edbe385b791");
    assertThat(port.get("aliasId").asString()).isEqualTo("1c65142e-2a4f-4664-b702-2176122a2ea4");
    assertThat(port.get("deviceId").asString()).isEqualTo("1c65142e-2a");
    assertThat(port.get("mac").asString()).isEqualTo("fa:16:3e:29:fb:13");
    assertThat(texts(port.get("ips"))).containsExactly("10.0.0.17");
    assertThat(port.get("networkId").asString()).isEqualTo("bef86639-5fee-45a3-8db5-0b20b6363ba2");
    assertThat(port.get("networkName").asString()).isEqualTo("subnet-450e");
    assertThat(texts(port.get("cidrs"))).containsExactly("10.0.0.0/24");
  }

  @Test
  void routerIsDistributedVpcIpv4() {
    JsonNode router = vm.get("routers").get(0);
    assertThat(router.get("name").asString()).isEqualTo("vpc-ipv4");
    assertThat(router.get("distributed").asBoolean()).isTrue();
    // router-show's external_gateway_info, wrapped over three table rows
    assertThat(router.get("externalNetworkId").asString())
        .isEqualTo("85fa82f5-ea84-41ef-884e-b82428719536");
    assertThat(router.get("snat").asString()).isEqualTo("false");
    List<String> ips = new java.util.ArrayList<>();
    router.get("externalIps").forEach(i -> ips.add(i.asString()));
    assertThat(ips).containsExactly("::7f00:0:4", "127.0.0.4");
  }

  @Test
  void routedPathShowsTheRouterExpectedWithoutNamespaceData() throws Exception {
    // the field note has no namespace output: the router is shown as expected, with its properties
    JsonNode l3 = vm.get("l3Path");
    assertThat(l3.get(0).get("kind").asString()).isEqualTo("VM");
    assertThat(l3.get(0).get("ip").asString()).isEqualTo("10.0.0.17");
    assertThat(l3.get(1).get("kind").asString()).isEqualTo("ROUTER_EXPECTED");
    assertThat(l3.get(1).get("namespace").asString())
        .isEqualTo("qrouter-3da5aa7d-0a49-895d-877e92b39256".replace("0a49", "2dc0-4a49"));
    assertThat(l3.get(1).get("present").asBoolean()).isFalse();
    assertThat(l3.get(1).get("route").asString())
        .isEqualTo(
            "distributed, external gateway 85fa82f5-ea84-41ef-884e-b82428719536 (::7f00:0:4,"
                + " 127.0.0.4), SNAT off");
    // no namespace data in the dump: its absence is not a fault
    List<String> l3Codes = new java.util.ArrayList<>();
    report
        .get("findings")
        .forEach(
            f -> {
              if (f.get("code").asString().startsWith("L3_")) {
                l3Codes.add(f.get("code").asString());
              }
            });
    assertThat(l3Codes).isEmpty();
    String page = Files.readString(out.resolve(vm.get("page").asString()));
    assertThat(page).contains("Routed path", "SNAT off", "85fa82f5-ea84-41ef-884e-b82428719536");
  }

  @Test
  void pathFollowsTheFusionSpherePlugFromTheAliasId() {
    assertThat(devices(vm.get("hops")))
        .containsSubsequence(
            "tap1c65142e-2a",
            "qbr1c65142e-2a",
            "qvm1c65142e-2a",
            "ply1c65142e-2a",
            "pvi1c65142e-2a",
            "pvo1c65142e-2a",
            "br-int");
    JsonNode qvm = hop("qvm1c65142e-2a");
    assertThat(qvm.get("bridge").asString()).isEqualTo("ply1c65142e-2a");
    assertThat(qvm.get("ofport").asString()).isEqualTo("1");
    assertThat(hop("pvi1c65142e-2a").get("ofport").asString()).isEqualTo("2");
    JsonNode pvo = hop("pvo1c65142e-2a");
    assertThat(pvo.get("bridge").asString()).isEqualTo("br-int");
    assertThat(pvo.get("ofport").asString()).isEqualTo("71");
    assertThat(pvo.get("vlan").asInt()).isEqualTo(15);
    for (JsonNode h : vm.get("hops")) {
      assertThat(h.get("evidence").size()).as("evidence of %s", h.get("device")).isPositive();
    }
  }

  @Test
  void fdbConfirmsTheMacOnPort71Vlan15() {
    String json = vm.toString();
    assertThat(json).contains("fdb");
    boolean confirmed = false;
    for (JsonNode h : vm.get("hops")) {
      JsonNode fdb = h.get("fdb");
      if (fdb != null && fdb.isArray()) {
        for (JsonNode e : fdb) {
          confirmed |=
              e.get("port").asString().equals("71")
                  && e.get("vlan").asInt() == 15
                  && e.get("mac").asString().equals("fa:16:3e:29:fb:13");
        }
      }
    }
    assertThat(confirmed).as("an FDB entry for fa:16:3e:29:fb:13 on port 71 VLAN 15").isTrue();
  }

  @Test
  void echoPairedAtTheTapWithRtt85Microseconds() {
    JsonNode ping = null;
    for (JsonNode p : vm.get("pings")) {
      if (p.get("point").asString().equals("tap1c65142e-2a")) {
        ping = p;
      }
    }
    assertThat(ping).isNotNull();
    assertThat(ping.get("id").asInt()).isEqualTo(32629);
    assertThat(ping.get("requests").asLong()).isEqualTo(1);
    assertThat(ping.get("replies").asLong()).isEqualTo(1);
    assertThat(ping.get("answered").asLong()).isEqualTo(1);
    assertThat(ping.get("rttMinMs").asDouble())
        .isCloseTo(0.085, org.assertj.core.data.Offset.offset(0.0005));
  }

  @Test
  void htmlShowsTheSameFacts() throws Exception {
    String page = Files.readString(out.resolve(vm.get("page").asString()));
    assertThat(page)
        .contains(
            "BC11HGSA0",
            "172.29.0.5",
            "81e4a23a-4053-40ce-9044-4edbe385b791",
            "1c65142e-2a4f-4664-b702-2176122a2ea4",
            "fa:16:3e:29:fb:13",
            "10.0.0.17",
            "subnet-450e",
            "10.0.0.0/24",
            "vpc-ipv4",
            "distributed",
            "tap1c65142e-2a",
            "qvm1c65142e-2a",
            "pvo1c65142e-2a",
            "71",
            "<svg");
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains(VM, "BC11HGSA0");
  }

  @Test
  void everyHopLinksToTheLineItRestsOn() throws Exception {
    JsonNode qbr = hop("qbr1c65142e-2a").get("evidence").get(0);
    String page = report.get("evidencePages").get(qbr.get("origin").asString()).asString();
    String html = Files.readString(out.resolve(page));
    int line = qbr.get("line").asInt();
    assertThat(html)
        .contains(
            "<pre id=\"L"
                + line
                + "\"><a class=\"n\" href=\"#L"
                + line
                + "\">"
                + line
                + "</a>qbr1c65142e-2a");
    assertThat(Files.readString(out.resolve(vm.get("page").asString())))
        .contains(page + "#L" + line);
  }

  private static JsonNode hop(String device) {
    for (JsonNode h : vm.get("hops")) {
      if (h.get("device").asString().equals(device)) {
        return h;
      }
    }
    throw new AssertionError("no hop " + device + " in " + devices(vm.get("hops")));
  }

  private static List<String> devices(JsonNode hops) {
    List<String> out = new ArrayList<>();
    hops.forEach(h -> out.add(h.get("device").asString()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
