package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A host's addresses survive however many {@code ip} views of its devices the dump holds: the lab
 * found a host whose {@code ip -s -d link} record (no addresses) replaced the {@code ip -d address}
 * one, which cost the host its tunnel address and the VM path its continuation on the peer host.
 */
class HostAddressesFromSeveralIpOutputsTest {

  @Test
  void everyIpViewOfADeviceKeepsItsAddresses(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    VmflowMain.run(
        "analyze", "src/test/resources/fixtures/scenarios/lab-compute-a-ip", "-o", out.toString());
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    List<String> ips = new ArrayList<>();
    for (JsonNode h : report.get("hosts")) {
      if (h.get("key").asString().equals("compute-a")) {
        h.get("ips").forEach(ip -> ips.add(ip.asString()));
      }
    }
    assertThat(ips).containsExactly("192.0.2.11");
  }
}
