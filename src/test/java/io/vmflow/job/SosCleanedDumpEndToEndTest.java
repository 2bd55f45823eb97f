package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dump that went through {@code sos clean} (MACs, IPs and host names masked consistently across
 * files, see {@link SosCleanMask}) correlates exactly as the original: same VMs, same path shape,
 * same finding codes, with the masked values in place of the real ones. In particular the tap's
 * {@code fe:} MAC and the VM's {@code fa:} MAC become unrelated masked values, which must not read
 * as a MAC mismatch.
 */
class SosCleanedDumpEndToEndTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "samples/seed-fusionsphere; BC11HGSA0,host-10-0-0-107",
        "src/test/resources/fixtures/scenarios/9506hqwy-ovs-flat; ''",
        "src/test/resources/fixtures/scenarios/9506hqwy-ovn-geneve; ''",
        "src/test/resources/fixtures/scenarios/9506hqwy-linuxbridge-vxlan; ''"
      })
  void maskedDumpCorrelatesLikeTheOriginal(String dump, String hostNames) throws Exception {
    SosCleanMask mask =
        new SosCleanMask(
            hostNames == null || hostNames.isEmpty() ? List.of() : List.of(hostNames.split(",")));
    Path source = Path.of(dump);
    Path masked = Files.createDirectories(tmp.resolve("masked").resolve(source.getFileName()));
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(
            masked.resolve(f.getFileName()),
            mask.apply(Files.readString(f, StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
      }
    }
    JsonNode plain = analyse(source, "plain");
    JsonNode clean = analyse(masked, "clean");

    assertThat(codes(clean)).as("finding codes").isEqualTo(codes(plain));
    assertThat(clean.get("vms").size()).isEqualTo(plain.get("vms").size()).isPositive();
    for (int v = 0; v < plain.get("vms").size(); v++) {
      JsonNode p = plain.get("vms").get(v);
      JsonNode c = clean.get("vms").get(v);
      assertThat(c.get("id").asString()).isEqualTo(p.get("id").asString());
      JsonNode pp = p.get("ports").get(0);
      JsonNode cp = c.get("ports").get(0);
      assertThat(cp.get("mac").asString())
          .startsWith("53:4f:53:")
          .isEqualTo(mask.mac(pp.get("mac").asString()));
      List<String> maskedIps = new ArrayList<>();
      pp.get("ips").forEach(ip -> maskedIps.add(mask.ip(ip.asString())));
      assertThat(texts(cp.get("ips"))).isEqualTo(maskedIps).isNotEqualTo(texts(pp.get("ips")));
      assertThat(c.get("hops").size()).isEqualTo(p.get("hops").size()).isPositive();
      for (int i = 0; i < p.get("hops").size(); i++) {
        JsonNode ph = p.get("hops").get(i);
        JsonNode ch = c.get("hops").get(i);
        assertThat(ch.get("device").asString()).isEqualTo(ph.get("device").asString());
        assertThat(ch.get("kind").asString()).isEqualTo(ph.get("kind").asString());
        assertThat(ch.get("bridge").asString()).isEqualTo(ph.get("bridge").asString());
        assertThat(ch.get("ofport").asString()).isEqualTo(ph.get("ofport").asString());
        assertThat(ch.get("vlan").asInt()).isEqualTo(ph.get("vlan").asInt());
        assertThat(ch.get("present").asBoolean()).isEqualTo(ph.get("present").asBoolean());
        String mac = ph.get("mac").asString();
        assertThat(ch.get("mac").asString()).isEqualTo(mac.isEmpty() ? "" : mask.mac(mac));
        String peer = ph.get("peer").asString();
        assertThat(ch.get("peer").asString())
            .isEqualTo(peer.matches("[\\d.]+") ? mask.ip(peer) : peer);
      }
      if (p.has("host") && p.get("host").has("name")) {
        assertThat(c.get("host").get("name").asString())
            .isEqualToIgnoringCase(mask.host(p.get("host").get("name").asString()));
      }
    }
  }

  private JsonNode analyse(Path dump, String name) throws Exception {
    Path out = tmp.resolve(name + "-out");
    VmflowMain.run("analyze", dump.toString(), "-o", out.toString());
    return JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  private static List<String> codes(JsonNode report) {
    List<String> codes = RealHostSetEndToEndTest.codes(report);
    codes.sort(null);
    return codes;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
