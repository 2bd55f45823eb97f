package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PointFlowStats;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures written by the test with known loss, duplicates, tags, tunnels and damage. */
class CapturePairingTest {

  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;

  @Test
  void lossAndDuplicatesAreCountedPerFlow(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap1c65142e-2a.pcap");
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, false, 1);
      for (int seq = 1; seq <= 20; seq++) {
        long t = T0 + seq * 200 * MS;
        p.frame(t, CaptureWriter.echo("10.0.0.107", "10.0.0.17", true, 7, seq));
        if (seq % 4 != 0) {
          p.frame(t + 300_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 7, seq));
        }
      }
      p.frame(
          T0 + 5 * 200 * MS + 400_000, CaptureWriter.echo("10.0.0.17", "10.0.0.107", false, 7, 5));
      p.frame(T0 + 10 * 1000 * MS, CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 99, 1));
    }
    CapturePairing.Result r = CapturePairing.pair(f, f.getFileName().toString());
    PointFlowStats s = flow(r.stats(), 7);
    assertThat(s.point()).isEqualTo("tap1c65142e-2a");
    assertThat(s.requests()).isEqualTo(20);
    assertThat(s.replies()).isEqualTo(15);
    assertThat(s.answered()).isEqualTo(15);
    assertThat(s.unanswered()).isEqualTo(5);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.rttMinMs()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.answered() + s.unanswered() + s.outsideWindow()).isEqualTo(s.requests());
    PointFlowStats last = flow(r.stats(), 99);
    assertThat(last.unanswered())
        .as("a request in the capture's last second is an edge, not loss")
        .isZero();
    assertThat(last.outsideWindow()).isEqualTo(1);
  }

  @Test
  void vlanQinqAndVxlanFramesAreDecodedToTheInnerEcho(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("br-int.pcap");
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, true, 1);
      p.frame(T0, CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, 1, 15));
      p.frame(T0 + MS, CaptureWriter.echo("10.0.0.2", "10.0.0.1", false, 1, 1, 100, 15));
      p.frame(
          T0 + 2 * MS,
          CaptureWriter.vxlan(
              CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, 2), "192.0.2.1", "192.0.2.2"));
      p.frame(
          T0 + 3 * MS + 123,
          CaptureWriter.vxlan(
              CaptureWriter.echo("10.0.0.2", "10.0.0.1", false, 1, 2), "192.0.2.2", "192.0.2.1"));
    }
    PointFlowStats s = CapturePairing.pair(f, "br-int.pcap").stats().get(0);
    assertThat(s.point()).isEqualTo("br-int");
    assertThat(s.src()).isEqualTo("10.0.0.1");
    assertThat(s.answered()).isEqualTo(2);
    assertThat(s.rttMaxMs())
        .as("nanosecond timestamps kept")
        .isCloseTo(1.000123, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void multiInterfacePcapngNamesEachPoint(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("capture.pcapng");
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcapng p = new CaptureWriter.Pcapng(out);
      p.iface("tapd4e9f0a1-3c", false);
      p.iface("qvmd4e9f0a1-3c", true);
      for (int seq = 1; seq <= 10; seq++) {
        long us = 1_700_000_000_000_000L + seq * 1_000_000L;
        p.packet(0, us, CaptureWriter.echo("10.0.0.5", "10.0.0.6", true, 3, seq));
        p.packet(1, us * 1000 + 10_000, CaptureWriter.echo("10.0.0.5", "10.0.0.6", true, 3, seq));
        p.packet(1, us * 1000 + 500_000, CaptureWriter.echo("10.0.0.6", "10.0.0.5", false, 3, seq));
        if (seq > 4) {
          p.packet(0, us + 600, CaptureWriter.echo("10.0.0.6", "10.0.0.5", false, 3, seq));
        }
      }
    }
    CapturePairing.Result r = CapturePairing.pair(f, "capture.pcapng");
    assertThat(r.summary().points()).containsExactly("tapd4e9f0a1-3c", "qvmd4e9f0a1-3c");
    PointFlowStats tap =
        r.stats().stream().filter(s -> s.point().startsWith("tap")).findFirst().orElseThrow();
    PointFlowStats qvm =
        r.stats().stream().filter(s -> s.point().startsWith("qvm")).findFirst().orElseThrow();
    assertThat(qvm.replies()).isEqualTo(10);
    assertThat(tap.replies()).isEqualTo(6);
    assertThat(qvm.rttMinMs()).isCloseTo(0.49, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void truncatedTailKeepsEverythingBefore(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap00000000-00.pcap.gz");
    byte[] whole =
        CaptureWriter.bytes(
            out -> {
              CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, false, 1);
              for (int seq = 1; seq <= 5; seq++) {
                p.frame(T0 + seq * MS, CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, seq));
              }
            });
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(whole, 0, whole.length - 30);
    }
    CapturePairing.Result r = CapturePairing.pair(f, f.getFileName().toString());
    assertThat(r.summary().format()).contains("gzip");
    assertThat(r.summary().frames()).isEqualTo(4);
    assertThat(r.summary().findings())
        .extracting(x -> x.code())
        .containsExactly(CaptureReader.TRUNCATED);
    assertThat(r.stats().get(0).requests()).isEqualTo(4);
  }

  @Test
  void garbageRecordLengthStopsWithAFinding(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.pcap");
    byte[] good =
        CaptureWriter.bytes(
            out ->
                new CaptureWriter.Pcap(out, false, 1)
                    .frame(T0, CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, 1)));
    byte[] junk = new byte[64];
    java.util.Arrays.fill(junk, (byte) 0x7f);
    Files.write(f, concat(good, junk));
    CapturePairing.Result r = CapturePairing.pair(f, "x.pcap");
    assertThat(r.summary().frames()).isEqualTo(1);
    assertThat(r.summary().findings())
        .extracting(x -> x.code())
        .contains(CaptureReader.CORRUPT, CaptureReader.POINT_UNKNOWN);
  }

  @Test
  void sequenceWrapPairsAcrossTheWrap(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap11111111-11.pcap");
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, false, 1);
      for (int i = 0; i < 10; i++) {
        int seq = (65530 + i) & 0xffff;
        p.frame(T0 + i * 10 * MS, CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, seq));
        p.frame(T0 + i * 10 * MS + MS, CaptureWriter.echo("10.0.0.2", "10.0.0.1", false, 1, seq));
      }
    }
    PointFlowStats s = CapturePairing.pair(f, "tap11111111-11.pcap").stats().get(0);
    assertThat(s.requests()).isEqualTo(10);
    assertThat(s.answered()).isEqualTo(10);
    assertThat(s.duplicates()).isZero();
    assertThat(s.reordered()).isZero();
  }

  @Test
  void namesPointsFromFileNames() {
    assertThat(CapturePoints.fromName("incident.tgz!/captures/tap1c65142e-2a_20240101.pcap.gz"))
        .isEqualTo("tap1c65142e-2a");
    assertThat(CapturePoints.fromName("tcpdump_-i_br-int_-w_x.pcap")).isEqualTo("br-int");
    assertThat(CapturePoints.fromName("eth0.pcap")).isEqualTo("eth0");
    assertThat(CapturePoints.fromName("capture-01.pcap")).isEqualTo(CapturePoints.UNKNOWN);
  }

  private static PointFlowStats flow(List<PointFlowStats> stats, int id) {
    return stats.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
