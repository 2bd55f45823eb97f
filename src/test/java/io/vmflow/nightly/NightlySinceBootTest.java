package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A counter read once per night (a host dump without the collector's before/after readings): the
 * lab-guest-down sample's host collections, dated one, two and three days later, vm2's tap
 * tx_dropped 20, then 45, then 45. The first night it is a total since boot (INFO); the second, it
 * grew by 25 since the previous night's reading, a new WARNING; the third, it did not grow, and
 * that growth is resolved.
 */
class NightlySinceBootTest {

  static final String VM2 = "22222222-aaaa-4bbb-8ccc-000000000002";
  static final Path SAMPLE = Path.of("samples/lab-guest-down");
  // vm2's tap in compute-a's ip -s -s -d link: "TX:  bytes packets errors dropped ..." then
  //              0       0      0      20       0       0
  static final String TAP_TX = "             0       0      0      20       0       0 ";

  @TempDir Path tmp;

  @Test
  void aSingleReadingThatGrewSinceThePreviousNightIsNewAndOneThatStoppedIsResolved()
      throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path out = tmp.resolve("out");
    Path src = unpack();

    night(src, inbox, 1, 20);
    JsonNode first = vm2(nightly(inbox, out));
    assertThat(messages(first, "newFindings"))
        .anyMatch(m -> m.contains("tap9e8d7c6b-5a on compute-a: tx_dropped 20 since boot"))
        .noneMatch(m -> m.contains("rose by"));

    night(src, inbox, 2, 45);
    JsonNode second = vm2(nightly(inbox, out));
    assertThat(second.get("newFindings"))
        .anySatisfy(
            f -> {
              assertThat(f.get("code").asString()).isEqualTo("INTERFACE_DROPS");
              assertThat(f.get("severity").asString()).isEqualTo("WARNING");
              assertThat(f.get("message").asString())
                  .contains("tx_dropped rose by 25 since the previous reading over 24.0 h")
                  .contains("20 → 45");
            });

    night(src, inbox, 3, 45);
    JsonNode third = vm2(nightly(inbox, out));
    assertThat(messages(third, "resolved")).anyMatch(m -> m.contains("tx_dropped rose by 25"));
    assertThat(messages(third, "newFindings")).noneMatch(m -> m.contains("tx_dropped"));
    assertThat(messages(third, "open")).noneMatch(m -> m.contains("tx_dropped"));
  }

  // compute-a's and compute-b's host collections (the capture collections, which carry the
  // before/after readings, left out) and the controller's outputs
  private Path unpack() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    for (String host : List.of("compute-a", "compute-b")) {
      Path outer = Files.createDirectories(tmp.resolve("outer-" + host));
      tar(
          "xzf",
          SAMPLE.resolve(host + ".tar.gz").toAbsolutePath().toString(),
          "-C",
          outer.toString());
      try (Stream<Path> inner = Files.list(outer.resolve("host"))) {
        Path t = inner.findFirst().orElseThrow();
        tar("xzf", t.toString(), "-C", Files.createDirectories(src.resolve(host)).toString());
      }
    }
    tar(
        "xzf",
        SAMPLE.resolve("controller.tar.gz").toAbsolutePath().toString(),
        "-C",
        Files.createDirectories(src.resolve("controller")).toString());
    return src;
  }

  // the three collections dated `day` days after the sample, vm2's tap TX drops set to `drops`
  private void night(Path src, Path inbox, int day, int drops) throws Exception {
    Path work = tmp.resolve("night-" + day);
    tar("cf", tmp.resolve("copy.tar").toString(), "-C", src.toString(), ".");
    tar("xf", tmp.resolve("copy.tar").toString(), "-C", Files.createDirectories(work).toString());
    String date = "2026-12-0" + (1 + day);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.equals("vmflow-manifest.tsv")) {
          Files.writeString(f, Files.readString(f).replace("2026-12-01", date));
        } else if (name.equals("ip_-s_-s_-d_link") && f.toString().contains("compute-a")) {
          String text = Files.readString(f);
          assertThat(text).contains(TAP_TX);
          Files.writeString(
              f, text.replace(TAP_TX, TAP_TX.replace("     20 ", String.format("%7d ", drops))));
        }
      }
    }
    String mtime = "@" + java.time.Instant.parse(date + "T21:17:00Z").getEpochSecond();
    for (String part : List.of("compute-a", "compute-b", "controller")) {
      tar(
          "czf",
          inbox.resolve("night" + day + "-" + part + ".tar.gz").toString(),
          "--mtime=" + mtime,
          "-C",
          work.resolve(part).toString(),
          ".");
    }
  }

  private static void tar(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tar"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("tar %s: %s", cmd, said).isZero();
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

  private static List<String> messages(JsonNode vm, String list) {
    List<String> out = new ArrayList<>();
    vm.get(list).forEach(f -> out.add(f.get("message").asString()));
    return out;
  }
}
