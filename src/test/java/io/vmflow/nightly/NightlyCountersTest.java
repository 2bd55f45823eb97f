package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A counter across nights: the lab's healthy collection, then guest-down (vm2's tap drops what it
 * should deliver: its TX drops grow over the capture), then a collection where they no longer grow.
 */
class NightlyCountersTest {

  static final String VM2 = "22222222-aaaa-4bbb-8ccc-000000000002";

  @TempDir Path tmp;

  @Test
  void aCounterThatGrewIsNewAndOneThatStoppedGrowingIsResolved() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path out = tmp.resolve("out");
    add(inbox, "lab-healthy");
    assertThat(codes(vm2(nightly(inbox, out)), "newFindings")).doesNotContain("INTERFACE_DROPS");

    add(inbox, "lab-guest-down");
    JsonNode grew = vm2(nightly(inbox, out));
    assertThat(grew.get("newFindings"))
        .anySatisfy(
            f -> {
              assertThat(f.get("code").asString()).isEqualTo("INTERFACE_DROPS");
              assertThat(f.get("message").asString()).contains("tx_dropped rose by");
            });

    // the reply-drop collection: vm2's tap delivers again, its drops do not grow
    add(inbox, "lab-reply-drop");
    JsonNode after = vm2(nightly(inbox, out));
    assertThat(codes(after, "resolved")).contains("INTERFACE_DROPS");
    assertThat(codes(after, "newFindings")).doesNotContain("INTERFACE_DROPS");
    assertThat(codes(after, "open")).doesNotContain("INTERFACE_DROPS");
  }

  private static void add(Path inbox, String sample) throws Exception {
    for (String f : List.of("compute-a.tar.gz", "compute-b.tar.gz", "controller.tar.gz")) {
      Files.copy(Path.of("samples", sample, f), inbox.resolve(sample + "-" + f));
    }
  }

  private static JsonNode nightly(Path inbox, Path out) throws Exception {
    int exit =
        VmflowMain.run(
            "nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString());
    assertThat(exit).isIn(0, 1);
    return JsonMapper.builder().build().readTree(out.resolve("nightly.json").toFile());
  }

  private static JsonNode vm2(JsonNode report) {
    for (JsonNode v : report.get("vms")) {
      if (v.get("vmId").asString().equals(VM2)) {
        return v;
      }
    }
    throw new AssertionError("lab-vm2 not in nightly.json: " + report);
  }

  private static List<String> codes(JsonNode vm, String list) {
    List<String> out = new ArrayList<>();
    vm.get(list).forEach(f -> out.add(f.get("code").asString()));
    return out;
  }
}
