package io.vmflow.ping;

import io.vmflow.capture.CapturePoints;
import io.vmflow.capture.CaptureReader;
import io.vmflow.capture.CaptureSummary;
import io.vmflow.capture.ChunkPlan;
import io.vmflow.capture.EchoSink;
import io.vmflow.capture.FlowShards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one capture file once and pairs its echoes per capture point and flow. */
public final class CapturePairing {

  /**
   * The pairing of every point of one file, the points it captured on (even those that saw no
   * echo), and what reading the file gave.
   */
  public record Result(
      List<PointFlowStats> stats, List<CapturedPoint> points, CaptureSummary summary) {}

  private CapturePairing() {}

  public static Result pair(Path file, String origin) throws IOException {
    return pair(file, origin, ChunkPlan.auto());
  }

  /**
   * Pairs {@code file}, a large classic pcap on the threads {@code plan} gives; the result is the
   * same for every plan.
   */
  public static Result pair(Path file, String origin, ChunkPlan plan) throws IOException {
    return pair(origin, sink -> CaptureReader.read(file, origin, sink, plan));
  }

  /** Pairs the capture {@code in} holds; the caller owns and closes the stream. */
  public static Result pair(InputStream in, String origin) throws IOException {
    return pair(origin, sink -> CaptureReader.read(in, origin, sink));
  }

  private interface Reading {
    CaptureSummary read(EchoSink sink) throws IOException;
  }

  private static Result pair(String origin, Reading reading) throws IOException {
    Sink sink = new Sink(origin);
    CaptureSummary summary = reading.read(sink);
    Map<String, PingPairer> pairers = sink.pairers;
    if (sink.sharded.used()) {
      List<CapturedPoint> points = new ArrayList<>();
      sink.sharded.captured(origin).ifPresent(points::add);
      return result(origin, sink.sharded.finish(origin), points, summary);
    }
    List<PointFlowStats> stats = new ArrayList<>();
    List<CapturedPoint> points = new ArrayList<>();
    for (PingPairer p : pairers.values()) {
      stats.addAll(p.finish());
      points.add(p.captured());
    }
    return result(origin, stats, points, summary);
  }

  private static Result result(
      String origin,
      List<PointFlowStats> stats,
      List<CapturedPoint> points,
      CaptureSummary summary) {
    // a capture that ran on a named device and saw nothing (tcpdump on a dead tap) still says so
    String named = CapturePoints.fromName(origin);
    if (summary.frames() == 0 && !named.equals(CapturePoints.UNKNOWN) && !notACapture(summary)) {
      points.add(new CapturedPoint(named, origin, 0, -1, -1));
    }
    return new Result(stats, points, summary);
  }

  private static boolean notACapture(CaptureSummary summary) {
    for (var f : summary.findings()) {
      if (f.code().equals(CaptureReader.NOT_A_CAPTURE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pairs per capture point in one thread, or, when the reader splits a large classic pcap by flow,
   * per shard on its threads ({@link FlowShardPairing}).
   */
  private static final class Sink implements FlowShards {
    /** Shards to split a large pcap's flows into: several per thread, so that they balance. */
    static final int SHARDS = 8;

    final String origin;
    final Map<String, PingPairer> pairers = new LinkedHashMap<>();
    final FlowShardPairing sharded = new FlowShardPairing(SHARDS);
    private String lastPoint;
    private PingPairer last;

    Sink(String origin) {
      this.origin = origin;
    }

    private PingPairer pairer(String point) {
      if (!point.equals(lastPoint)) {
        lastPoint = point;
        last = pairers.get(point);
        if (last == null) {
          last = new PingPairer(point);
          last.origin(origin);
          pairers.put(point, last);
        }
      }
      return last;
    }

    @Override
    public void frame(String point, long nanos) {
      pairer(point).seen(nanos);
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
      pairer(point).add(src, dst, request, id, seq, size, nanos);
    }

    @Override
    public int shards() {
      return SHARDS;
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
      sharded.echo(shard, src, dst, request, id, seq, size, nanos, first, order);
    }

    @Override
    public void window(String point, long frames, long first, long last) {
      sharded.window(point, frames, first, last);
    }
  }
}
