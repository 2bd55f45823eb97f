package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real lab run (src/test/resources/verdict/SOURCE.md, patch-broken): br-int's patch port to
 * lab-vm2's ply bridge names a peer that does not exist. The replica's trace shows NORMAL
 * forwarding the request to that port and the datapath dropping it: the "why" says the switch
 * forwards to nowhere and names the port, not that a rule dropped the packet.
 */
class DeadPatchTraceTest {

  @TempDir Path tmp;

  @Test
  void aPatchPortWithoutItsPeerIsWhyTheSwitchForwardsToNowhere() {
    assumeTrue(
        OvsBinaries.find().isPresent(), "Open vSwitch not installed: no replica to trace on");
    Path dir = Path.of("src/test/resources/verdict/patch-broken");
    Path out = tmp.resolve("out");
    VmflowMain.run(
        "analyze",
        dir.resolve("compute-a.tar.gz").toString(),
        dir.resolve("compute-b.tar.gz").toString(),
        dir.resolve("controller.tar.gz").toString(),
        "-o",
        out.toString());
    JsonNode first =
        JsonMapper.builder()
            .build()
            .readTree(out.resolve("report.json").toFile())
            .get("verdict")
            .get("lines")
            .get(0);
    assertThat(first.get("what").asString())
        .isEqualTo("20 of 20 echo requests from lab-vm1 to lab-vm2 lost");
    assertThat(first.get("why").asString())
        .contains("is forwarded by br-int table 0, priority 0 but leaves by no port")
        .contains(
            "br-int's patch port pvo9e8d7c6b-5a names peer pvi9e8d7c6b-5ax, which does not exist")
        .doesNotContain("is dropped by");
  }
}
