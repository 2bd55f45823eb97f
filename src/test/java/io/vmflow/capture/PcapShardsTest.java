package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PointFlowStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A classic pcap paired by flow on several threads ({@link PcapShards}) gives what one thread
 * gives: many flows of uneven weight, IPv4 and IPv6, cut by tiny chunks so that every flow crosses
 * many boundaries, with wraps, epoch churn, duplicates, late and orphan replies, and frames stamped
 * before the capture's start in the middle of the file (which moves the start edge while epochs are
 * being folded).
 */
class PcapShardsTest {

  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;

  @ParameterizedTest
  @ValueSource(ints = {97, 1500, 65536})
  void shardedPairingEqualsOneThread(int chunkBytes, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap1c65142e-2a.pcap");
    write(f, 7);
    CapturePairing.Result one =
        CapturePairing.pair(f, "tap1c65142e-2a.pcap", ChunkPlan.oneThread());
    for (int threads : new int[] {2, 3, 4}) {
      CapturePairing.Result many =
          CapturePairing.pair(f, "tap1c65142e-2a.pcap", new ChunkPlan(threads, chunkBytes, 0));
      assertThat(many.stats()).isEqualTo(one.stats());
      assertThat(many.points()).isEqualTo(one.points());
      assertThat(many.summary()).isEqualTo(one.summary());
    }
    // the capture exercises what splitting by flow could break
    assertThat(one.stats()).hasSizeGreaterThan(20);
    assertThat(one.stats()).extracting(PointFlowStats::src).anyMatch(s -> s.contains(":"));
    assertThat(sum(one.stats(), PointFlowStats::duplicates)).isPositive();
    assertThat(sum(one.stats(), PointFlowStats::repliesWithoutRequest)).isPositive();
    assertThat(sum(one.stats(), PointFlowStats::unanswered)).isPositive();
    assertThat(sum(one.stats(), PointFlowStats::outsideWindow)).isPositive();
    assertThat(sum(one.stats(), PointFlowStats::reordered)).isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 11})
  void eachShardSeesItsFlowsInFileOrder(int seed, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.pcap");
    write(f, seed);
    // one thread: every call in file order, split afterwards by the shard of each echo's flow
    int shards = 4;
    List<List<String>> expected = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      expected.add(new ArrayList<>());
    }
    long[] window = {0, Long.MAX_VALUE, Long.MIN_VALUE};
    List<String> points = new ArrayList<>();
    CaptureReader.read(
        f,
        "x.pcap",
        new EchoSink() {
          @Override
          public void frame(String point, long nanos) {
            if (points.isEmpty()) {
              points.add(point);
            }
            window[0]++;
            window[1] = Math.min(window[1], nanos);
            window[2] = Math.max(window[2], nanos);
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
            int s = FlowShards.shardOf(src, dst, request, id, shards);
            expected.get(s).add(line(src, dst, request, id, seq, size, nanos, window[1]));
          }
        },
        ChunkPlan.oneThread());
    Recorder r = new Recorder(shards);
    CaptureSummary sum = CaptureReader.read(f, "x.pcap", r, new ChunkPlan(2, 211, 0));
    assertThat(r.windows)
        .containsExactly(points.get(0) + " " + window[0] + " " + window[1] + " " + window[2]);
    assertThat(r.calls).isEqualTo(expected);
    assertThat(r.plainCalls).as("the plain sink is not used").isZero();
    assertThat(sum.frames()).isEqualTo(window[0]);
    for (List<String> calls : r.calls) {
      assertThat(calls).as("every shard has work").isNotEmpty();
    }
  }

  /**
   * A chunk's flows are numbered in a table that grows (ChunkFlows): hundreds of IPv4 and IPv6
   * flows in one chunk, flows that differ only by ICMP id or by who asks, pair as on one thread.
   */
  @Test
  void manyFlowsInOneChunkPairAsOneThread(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("tap1c65142e-2a.pcap");
    Random r = new Random(17);
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, true, 1);
      long t = T0;
      for (int i = 0; i < 30000; i++) {
        int fl = r.nextInt(700);
        boolean v6 = fl >= 600;
        // flows 0-99 and 100-199 share addresses, the second hundred asks the other way
        String a = "10.2." + (fl % 100) + ".1";
        String b = "10.3." + (fl % 100) + ".2";
        String from = fl < 100 || fl >= 200 ? a : b;
        String to = fl < 100 || fl >= 200 ? b : a;
        int id = fl >= 200 && fl < 300 ? 7 : fl % 3;
        int seq = i / 700;
        t += 1 + r.nextInt(3) * MS / 10;
        p.frame(t, v6 ? echo6(fl - 600, true, seq) : CaptureWriter.echo(from, to, true, id, seq));
        if (r.nextInt(10) != 0) {
          p.frame(
              t + 100,
              v6 ? echo6(fl - 600, false, seq) : CaptureWriter.echo(to, from, false, id, seq));
        }
      }
    }
    CapturePairing.Result one =
        CapturePairing.pair(f, "tap1c65142e-2a.pcap", ChunkPlan.oneThread());
    CapturePairing.Result many =
        CapturePairing.pair(f, "tap1c65142e-2a.pcap", new ChunkPlan(2, 1 << 20, 0));
    assertThat(one.stats()).hasSizeGreaterThan(500);
    assertThat(many.stats()).isEqualTo(one.stats());
    assertThat(many.points()).isEqualTo(one.points());
    assertThat(many.summary()).isEqualTo(one.summary());
  }

  @Test
  void smallFilesAndStreamsUseThePlainSink(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.pcap");
    write(f, 5);
    Recorder r = new Recorder(4);
    CaptureReader.read(f, "x.pcap", r, new ChunkPlan(2, 4 << 20, 1L << 40));
    assertThat(r.windows).isEmpty();
    assertThat(r.plainCalls).isPositive();
  }

  private static long sum(
      List<PointFlowStats> stats, java.util.function.ToLongFunction<PointFlowStats> f) {
    return stats.stream().mapToLong(f).sum();
  }

  private static String line(
      String src, String dst, boolean request, int id, int seq, int size, long nanos, long first) {
    return src + " " + dst + " " + request + " " + id + " " + seq + " " + size + " " + nanos + " "
        + first;
  }

  /** Records each shard's calls; checks that one thread at a time calls a shard, in order. */
  private static final class Recorder implements FlowShards {
    final int shards;
    final List<List<String>> calls = new ArrayList<>();
    final long[] lastOrder;
    final List<String> windows = new ArrayList<>();
    long plainCalls;

    Recorder(int shards) {
      this.shards = shards;
      this.lastOrder = new long[shards];
      java.util.Arrays.fill(lastOrder, -1);
      for (int s = 0; s < shards; s++) {
        calls.add(new ArrayList<>());
      }
    }

    @Override
    public int shards() {
      return shards;
    }

    @Override
    public void echo(
        int shard,
        String src,
        String dst,
        boolean request,
        int id,
        int seq,
        int size,
        long nanos,
        long first,
        long order) {
      assertThat(order).isGreaterThan(lastOrder[shard]);
      assertThat(FlowShards.shardOf(src, dst, request, id, shards)).isEqualTo(shard);
      lastOrder[shard] = order;
      calls.get(shard).add(line(src, dst, request, id, seq, size, nanos, first));
    }

    @Override
    public synchronized void window(String point, long frames, long first, long last) {
      windows.add(point + " " + frames + " " + first + " " + last);
    }

    @Override
    public synchronized void frame(String point, long nanos) {
      plainCalls++;
    }

    @Override
    public synchronized void echo(
        String point,
        String src,
        String dst,
        boolean request,
        int id,
        int seq,
        int vlan,
        int size,
        long nanos) {
      plainCalls++;
    }
  }

  /**
   * 27 flows (3 over IPv6) of uneven weight, 20000 requests. Flows 0-3 wrap from 65000; flows 4-5
   * jump between low and high sequence numbers (an epoch every few pings, folded while reading).
   * Replies come after 0-3 requests, 1 in 12 lost, 1 in 40 requests sent twice, 1 in 60 replies
   * repeated; orphan replies stamped near the capture's start appear all along the file; ARP
   * frames, some stamped seconds before the start.
   */
  private static void write(Path f, int seed) throws IOException {
    Random r = new Random(seed);
    int flows = 27;
    int[] next = new int[flows];
    for (int i = 0; i < 4; i++) {
      next[i] = 65000;
    }
    try (OutputStream out = Files.newOutputStream(f)) {
      CaptureWriter.Pcap p = new CaptureWriter.Pcap(out, true, 1);
      ArrayDeque<long[]> late = new ArrayDeque<>();
      long t = T0;
      for (int i = 0; i < 20000; i++) {
        int fl = r.nextInt(8) == 0 ? r.nextInt(flows) : r.nextInt(6);
        int n = next[fl]++;
        int seq = fl == 4 || fl == 5 ? (n % 6 < 3 ? n : 40000 + n) & 0xffff : n & 0xffff;
        t += 1 + r.nextInt(3) * MS / 2;
        p.frame(t, echo(fl, true, seq));
        if (r.nextInt(40) == 0) {
          p.frame(t + 5, echo(fl, true, seq));
        }
        if (r.nextInt(12) != 0) {
          late.add(new long[] {t + 200_000 + r.nextInt(900_000), fl, seq});
        }
        while (late.size() > r.nextInt(4)) {
          long[] rep = late.poll();
          p.frame(rep[0], echo((int) rep[1], false, (int) rep[2]));
          if (r.nextInt(60) == 0) {
            p.frame(rep[0] + 3, echo((int) rep[1], false, (int) rep[2]));
          }
        }
        if (r.nextInt(97) == 0) {
          p.frame(T0 + r.nextInt(1500) * MS, echo(r.nextInt(flows), false, 30000 + r.nextInt(60)));
        }
        if (r.nextInt(9) == 0) {
          long when = r.nextInt(400) == 0 ? t - (2 + r.nextInt(4)) * 1000 * MS : t + 2;
          p.frame(when, arp());
        }
      }
      for (long[] rep : late) {
        p.frame(rep[0], echo((int) rep[1], false, (int) rep[2]));
      }
    }
  }

  private static byte[] echo(int flow, boolean request, int seq) {
    if (flow >= 24) {
      return echo6(flow, request, seq);
    }
    String a = "10.0." + flow + ".1";
    String b = "10.1." + flow + ".2";
    return CaptureWriter.echo(request ? a : b, request ? b : a, request, 100 + flow, seq);
  }

  private static byte[] echo6(int flow, boolean request, int seq) {
    ByteBuffer b = ByteBuffer.allocate(14 + 40 + 8 + 16);
    b.put(new byte[12]).putShort((short) 0x86dd);
    b.putInt(0x60000000).putShort((short) 24).put((byte) 58).put((byte) 64);
    byte[] a = new byte[16];
    byte[] c = new byte[16];
    a[0] = (byte) 0xfd;
    a[15] = (byte) flow;
    c[0] = (byte) 0xfd;
    c[14] = 1;
    c[15] = (byte) flow;
    b.put(request ? a : c).put(request ? c : a);
    b.put((byte) (request ? 128 : 129)).put((byte) 0).putShort((short) 0);
    b.putShort((short) (100 + flow)).putShort((short) seq).put(new byte[16]);
    return b.array();
  }

  private static byte[] arp() {
    byte[] b = new byte[42];
    b[12] = 0x08;
    b[13] = 0x06;
    return b;
  }
}
