package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.capture.CaptureWriter;
import io.vmflow.cli.VmflowMain;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's VM with captures at its tap and its qvm: every reply leaves the VM through the tap, 45
 * of 100 never reach qvm, so the loss lies inside qbr.
 */
class CaptureLossEndToEndTest {

  private static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void repliesLostBetweenTapAndQvmAreLocalisedInsideQbr(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.copy(
        Path.of("samples/seed-fusionsphere/terminal-session.txt"),
        bundle.resolve("terminal-session.txt"));
    try (OutputStream tap = Files.newOutputStream(bundle.resolve("tap1c65142e-2a.pcap"));
        OutputStream qvm = Files.newOutputStream(bundle.resolve("qvm1c65142e-2a.pcap"))) {
      CaptureWriter.Pcap atTap = new CaptureWriter.Pcap(tap, false, 1);
      CaptureWriter.Pcap atQvm = new CaptureWriter.Pcap(qvm, false, 1);
      for (int seq = 1; seq <= 100; seq++) {
        long t = T0 + seq * 200_000_000L;
        atQvm.frame(t, CaptureWriter.echo("10.0.0.107", "10.0.0.17", true, 32629, seq));
        atTap.frame(t + 20_000, CaptureWriter.echo("10.0.0.107", "10.0.0.17", true, 32629, seq));
        atTap.frame(t + 100_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 32629, seq));
        if (seq % 20 < 11) {
          atQvm.frame(
              t + 120_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 32629, seq));
        }
      }
    }
    Path out = tmp.resolve("out");

    int exit = VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());

    assertThat(exit).as("a localised loss is an error").isEqualTo(1);
    JsonNode vm =
        JsonMapper.builder()
            .build()
            .readTree(out.resolve("report.json").toFile())
            .get("vms")
            .get(0);
    assertThat(vm.get("lossSegments")).hasSize(1);
    JsonNode loss = vm.get("lossSegments").get(0);
    assertThat(loss.get("from").asString()).isEqualTo("tap1c65142e-2a");
    assertThat(loss.get("to").asString()).isEqualTo("qvm1c65142e-2a");
    assertThat(loss.get("direction").asString()).isEqualTo("reply");
    assertThat(loss.get("lost").asLong()).isEqualTo(45);
    assertThat(loss.get("sentence").asString())
        .contains("45 of 100 echo replies", "lost inside qbr1c65142e-2a");
    JsonNode qvmPoint = null;
    for (JsonNode p : vm.get("pings")) {
      if (p.get("point").asString().equals("qvm1c65142e-2a")) {
        qvmPoint = p;
      }
    }
    assertThat(qvmPoint).isNotNull();
    assertThat(qvmPoint.get("requests").asLong()).isEqualTo(100);
    assertThat(qvmPoint.get("answered").asLong()).isEqualTo(55);

    String page = Files.readString(out.resolve(vm.get("page").asString()));
    assertThat(hops(page, "hop lossmark"))
        .as("the diagram marks the bridge between the two points")
        .containsExactly("qbr1c65142e-2a");
    assertThat(hops(page, "hop"))
        .as("the points that saw and missed the replies are not marked")
        .contains("tap1c65142e-2a", "qvm1c65142e-2a");
    assertThat(page).contains("loss here");
    assertThat(page.split("class=\"edge loss\"", -1))
        .as("tap→qbr and qbr→qvm drawn as lossy links")
        .hasSize(3);
  }

  /** Devices of the path diagram's boxes whose class is exactly {@code cls}. */
  static List<String> hops(String page, String cls) {
    return Pattern.compile("<g class=\"" + cls + "\" data-device=\"([^\"]*)\"")
        .matcher(page)
        .results()
        .map(m -> m.group(1))
        .toList();
  }
}
