package io.vmflow.bench;

import io.vmflow.capture.CaptureReader;
import io.vmflow.capture.ChunkPlan;
import io.vmflow.capture.EchoSink;
import io.vmflow.ping.CapturePairing;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Benchmark, not a test: where {@code vmflow pings} spends its time on one capture, phase by phase,
 * in a warm JVM (best of several rounds): reading the bytes, reading and decoding them (a sink that
 * drops every echo), and the whole pairing, on one thread and on the threads {@link
 * ChunkPlan#auto()} gives. Start-up and output are what {@code vmflow pings} takes beyond the last.
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.PingsPhases CAPTURE [ROUNDS]
 * </pre>
 */
public final class PingsPhases {

  private PingsPhases() {}

  public static void main(String[] args) throws IOException {
    Path cap = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int r = 1; r <= rounds; r++) {
      System.out.printf(
          Locale.ROOT,
          "round %d: read %s  read+decode %s  pair 1 thread %s"
              + "  read+decode %d threads %s  pair %d threads %s  (wall s / cpu s)%n",
          r,
          time(() -> read(cap)),
          time(() -> CaptureReader.read(cap, "bench", new Drop(), ChunkPlan.oneThread())),
          time(() -> CapturePairing.pair(cap, "bench", ChunkPlan.oneThread())),
          ChunkPlan.auto().threads(),
          time(() -> CaptureReader.read(cap, "bench", new Drop(), ChunkPlan.auto())),
          ChunkPlan.auto().threads(),
          time(() -> CapturePairing.pair(cap, "bench", ChunkPlan.auto())));
    }
  }

  private interface Run {
    Object run() throws IOException;
  }

  // wall and CPU time of the process (all threads, the JIT's and collector's included): on a busy
  // machine the second is the one to compare
  private static String time(Run run) throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Object result = run.run();
    double s = (System.nanoTime() - t0) / 1e9;
    double c = (os.getProcessCpuTime() - c0) / 1e9;
    if (result == null) {
      throw new IllegalStateException("no result");
    }
    return String.format(Locale.ROOT, "%.3f/%.3f", s, c);
  }

  // the page-cache copy alone, in 4 MB reads as the one-thread reader makes them
  private static Long read(Path cap) throws IOException {
    long sum = 0;
    byte[] b = new byte[4 << 20];
    try (FileChannel ch = FileChannel.open(cap, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.wrap(b);
      while (true) {
        buf.clear();
        int n = ch.read(buf);
        if (n < 0) {
          return sum;
        }
        sum += b[0] + n;
      }
    }
  }

  private static final class Drop implements EchoSink {
    long n;

    @Override
    public void frame(String point, long nanos) {
      n++;
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
      n += seq;
    }
  }
}
