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

/** The healthy lab bundle still has no warning with the routed-path rules in place. */
class LabHealthyL3Test {

  @TempDir Path tmp;

  @Test
  void healthyLabBundleHasNoWarningOrError() throws Exception {
    VmflowMain.run("analyze", "samples/lab-healthy", "-o", tmp.resolve("out").toString());
    JsonNode report =
        JsonMapper.builder().build().readTree(tmp.resolve("out/report.json").toFile());
    List<String> bad = new ArrayList<>();
    report
        .get("findings")
        .forEach(
            f -> {
              String s = f.get("severity").asString();
              if (s.equals("WARNING") || s.equals("ERROR")) {
                bad.add(f.get("code").asString() + ": " + f.get("message").asString());
              }
            });
    assertThat(bad).isEmpty();
    assertThat(report.get("summary").get("warnings").asInt()).isZero();
    assertThat(report.get("vms")).isNotEmpty();
    report.get("vms").forEach(v -> assertThat(v.has("l3Path")).isTrue());
  }
}
