package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.CapturePairing;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a capture reader cannot use is said, with frame counts, never silently dropped. */
class CaptureDropsTest {

  private static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void framesOfAnUnsupportedLinkTypeAreCounted(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap11111111-11.pcap");
    // link type 105 (IEEE 802.11): neither decoder reads it
    Files.write(
        f,
        CaptureWriter.bytes(
            out -> {
              CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, false, 105);
              for (int i = 0; i < 3; i++) {
                p.frame(T0 + i, new byte[] {8, 0, 0, 0, 1, 2, 3, 4, 5, 6});
              }
            }));
    CapturePairing.Result r = CapturePairing.pair(f, f.getFileName().toString());
    assertThat(r.summary().findings())
        .filteredOn(x -> x.code().equals(CaptureDrops.LINK_UNSUPPORTED))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("3 frames of link type 105"));
  }

  @Test
  void implausibleTimestampResolutionIsSaidAndMicrosecondsAssumed(@TempDir Path tmp)
      throws Exception {
    Path f = tmp.resolve("x.pcapng");
    byte[] echo = CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, 1);
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcapng w = new CaptureWriter.Pcapng(out);
      int len = 8 + 8 + 8 + 8 + 4 + 4;
      ByteBuffer b = ByteBuffer.allocate(len);
      b.putInt(1).putInt(len).putShort((short) 1).putShort((short) 0).putInt(65535);
      b.putShort((short) 2).putShort((short) 4).put("tap1".getBytes()).putShort((short) 9);
      b.putShort((short) 1).put((byte) 0x7f).put(new byte[3]);
      b.putShort((short) 0).putShort((short) 0).putInt(len);
      out.write(b.array());
      w.packet(0, 1_700_000_000_000_000L, echo);
      w.packet(0, 1_700_000_000_001_000L, echo);
    }
    CapturePairing.Result r = CapturePairing.pair(f, "x.pcapng");
    assertThat(r.summary().frames()).isEqualTo(2);
    assertThat(r.summary().findings())
        .filteredOn(x -> x.code().equals(CaptureDrops.TSRESOL_IMPLAUSIBLE))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("0x7f").contains("its 2 frames"));
  }
}
