package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PointFlowStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A classic pcap read in chunks on several threads gives what one thread gives: tiny chunks put
 * boundaries between every kind of request and reply, inside payloads that hold header-like runs.
 */
class PcapChunksTest {

  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;
  // 4 record headers of empty frames, each believable, inside an echo's payload
  private static final byte[] FAKE_RECORDS = fakeRecords();

  @ParameterizedTest
  @ValueSource(ints = {97, 1000, 4096, 65536})
  void chunkedPairingEqualsOneThread(int chunkBytes, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap1c65142e-2a.pcap");
    write(f, 0);
    CapturePairing.Result one =
        CapturePairing.pair(f, "tap1c65142e-2a.pcap", ChunkPlan.oneThread());
    for (int threads : new int[] {2, 3}) {
      CapturePairing.Result many =
          CapturePairing.pair(f, "tap1c65142e-2a.pcap", new ChunkPlan(threads, chunkBytes, 0));
      assertThat(many.stats()).isEqualTo(one.stats());
      assertThat(many.points()).isEqualTo(one.points());
      assertThat(many.summary()).isEqualTo(one.summary());
    }
    // the capture exercises what the boundaries could break
    PointFlowStats wrap = flow(one.stats(), 1);
    assertThat(wrap.requests()).isEqualTo(600);
    assertThat(wrap.duplicates()).isPositive();
    assertThat(wrap.reordered()).isPositive();
    assertThat(wrap.unanswered()).isPositive();
    assertThat(wrap.answered()).isGreaterThan(400);
    PointFlowStats epochs = flow(one.stats(), 5);
    assertThat(epochs.requests()).isEqualTo(600);
    assertThat(epochs.answered()).isPositive();
    assertThat(flow(one.stats(), 3).answered()).as("VXLAN requests paired").isGreaterThan(400);
    assertThat(one.summary().frames()).isGreaterThan(one.summary().echoes());
  }

  @Test
  void headerLikePayloadFoolsTheGuessButNotTheResult(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap1c65142e-2a.pcap");
    write(f, 0);
    byte[] file = Files.readAllBytes(f);
    // the first record: its payload's fake run comes before the second record's true start
    int second = 24 + 16 + CaptureWriter.echo("10.0.0.1", "10.0.0.2", true, 1, 1).length + 64;
    PcapHeaders h = new PcapHeaders(0xd4c3b2a1, file, file.length);
    assertThat(h.resync(file, 24 + 17, file.length, file.length, true))
        .as("the guess lands in the payload")
        .isEqualTo(second - 64);

    List<String> oneThread = new ArrayList<>();
    CaptureReader.read(f, "t.pcap", recorder(oneThread), ChunkPlan.oneThread());
    List<String> chunked = new ArrayList<>();
    PcapChunks c = PcapChunks.open(f, new ChunkPlan(2, 1000, 0)).orElseThrow();
    c.read("t.pcap", recorder(chunked));
    assertThat(chunked).isEqualTo(oneThread);
    assertThat(c.misses()).as("guesses checked and redone").isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 40, 170})
  void truncatedTailGivesTheSameFinding(int cut, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.pcap");
    write(f, 0);
    byte[] whole = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(whole, whole.length - cut));
    assertSameEverywhere(f);
  }

  @Test
  void garbageRecordLengthStopsAtTheSameFrame(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.pcap");
    int frames = write(f, 2000);
    CapturePairing.Result one = assertSameEverywhere(f);
    assertThat(one.summary().findings()).extracting(x -> x.code()).contains(CaptureReader.CORRUPT);
    assertThat(one.summary().frames()).isEqualTo(frames);
  }

  private static CapturePairing.Result assertSameEverywhere(Path f) throws IOException {
    CapturePairing.Result one = CapturePairing.pair(f, "x.pcap", ChunkPlan.oneThread());
    for (int chunk : new int[] {97, 4096}) {
      CapturePairing.Result two = CapturePairing.pair(f, "x.pcap", new ChunkPlan(2, chunk, 0));
      assertThat(two.summary()).isEqualTo(one.summary());
      assertThat(two.stats()).isEqualTo(one.stats());
    }
    return one;
  }

  /**
   * Five flows of 600 pings each, interleaved: flow 1 starts at sequence 65000 and wraps, and every
   * 50th of its requests comes after the next one; flow 3 sends some requests through VXLAN; flow 5
   * jumps between low and high sequence numbers, so that it opens an epoch every tenth ping and
   * older epochs are folded while reading. Every 7th reply is lost, every 37th request sent twice,
   * replies come two requests late; ARP frames in between, one of them stamped before the capture's
   * start. Each echo carries {@link #FAKE_RECORDS}. With {@code garbageAfter} > 0, a record with an
   * impossible length follows about that many frames. Returns the frames written.
   */
  private static int write(Path f, int garbageAfter) throws IOException {
    int written = 0;
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, false, 1);
      List<long[]> late = new ArrayList<>();
      long[] held = null;
      for (int i = 0; i < 3000; i++) {
        int flow = i % 5 + 1;
        int n = i / 5;
        int seq = flow == 1 ? (65000 + n) & 0xffff : flow == 5 ? (n % 20 < 10 ? n : 40000 + n) : n;
        long t = T0 + i * MS;
        if (i % 50 == 45) {
          held = new long[] {t, seq};
        } else {
          byte[] e = echo(flow, true, seq);
          p.frame(
              t, flow == 3 && n % 13 == 0 ? CaptureWriter.vxlan(e, "192.0.2.1", "192.0.2.2") : e);
          written++;
        }
        if (i % 50 == 0 && held != null) {
          p.frame(held[0], echo(1, true, (int) held[1]));
          written++;
          held = null;
        }
        if (i % 37 == 0) {
          p.frame(t + 10, echo(flow, true, seq));
          written++;
        }
        if (i % 7 != 3) {
          late.add(new long[] {t + 300_000, flow, seq});
        }
        if (late.size() > 2) {
          long[] r = late.remove(0);
          p.frame(r[0], echo((int) r[1], false, (int) r[2]));
          written++;
        }
        if (i % 11 == 0) {
          p.frame(i == 1100 ? T0 - 5_000 * MS : t + 1, arp());
          written++;
        }
        if (garbageAfter > 0 && written >= garbageAfter) {
          out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff, (byte) 0xff, 0x7f, 0x7f});
          out.write(new byte[40]);
          return written;
        }
      }
      if (held != null) {
        p.frame(held[0], echo(1, true, (int) held[1]));
        written++;
      }
      for (long[] r : late) {
        p.frame(r[0], echo((int) r[1], false, (int) r[2]));
        written++;
      }
    }
    return written;
  }

  private static byte[] echo(int flow, boolean request, int seq) {
    String a = "10.0.0." + flow;
    String b = "10.0.1." + flow;
    byte[] e = CaptureWriter.echo(request ? a : b, request ? b : a, request, flow, seq);
    byte[] out = Arrays.copyOf(e, e.length + FAKE_RECORDS.length);
    System.arraycopy(FAKE_RECORDS, 0, out, e.length, FAKE_RECORDS.length);
    return out;
  }

  private static byte[] arp() {
    byte[] b = new byte[42];
    b[12] = 0x08;
    b[13] = 0x06;
    return b;
  }

  private static byte[] fakeRecords() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 4; i++) {
      b.putInt((int) (T0 / 1_000_000_000L)).putInt(i).putInt(0).putInt(0);
    }
    return b.array();
  }

  private static EchoSink recorder(List<String> calls) {
    return new EchoSink() {
      @Override
      public void frame(String point, long nanos) {
        calls.add("frame " + point + " " + nanos);
      }

      @Override
      public void echo(
          String point,
          String src,
          String dst,
          boolean request,
          int id,
          int seq,
          int vlan,
          int size,
          long nanos) {
        calls.add(
            String.join(
                " ",
                "echo",
                point,
                src,
                dst,
                String.valueOf(request),
                String.valueOf(id),
                String.valueOf(seq),
                String.valueOf(vlan),
                String.valueOf(size),
                String.valueOf(nanos)));
      }
    };
  }

  private static PointFlowStats flow(List<PointFlowStats> stats, int id) {
    return stats.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }
}
