package io.vmflow.ping;

import io.vmflow.capture.CapturePoints;
import io.vmflow.capture.CaptureReader;
import io.vmflow.capture.CaptureSummary;
import io.vmflow.capture.ChunkPlan;
import io.vmflow.capture.EchoSink;
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
    Map<String, PingPairer> pairers = new LinkedHashMap<>();
    CaptureSummary summary =
        reading.read(
            new EchoSink() {
              private String lastPoint;
              private PingPairer last;

              private PingPairer pairer(String point) {
                if (!point.equals(lastPoint)) {
                  lastPoint = point;
                  last =
                      pairers.computeIfAbsent(
                          point,
                          p -> {
                            PingPairer n = new PingPairer(p);
                            n.origin(origin);
                            return n;
                          });
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
            });
    List<PointFlowStats> stats = new ArrayList<>();
    pairers.values().forEach(p -> stats.addAll(p.finish()));
    List<CapturedPoint> points =
        new ArrayList<>(pairers.values().stream().map(PingPairer::captured).toList());
    // a capture that ran on a named device and saw nothing (tcpdump on a dead tap) still says so
    String named = CapturePoints.fromName(origin);
    if (summary.frames() == 0
        && !named.equals(CapturePoints.UNKNOWN)
        && summary.findings().stream()
            .noneMatch(f -> f.code().equals(CaptureReader.NOT_A_CAPTURE))) {
      points.add(new CapturedPoint(named, origin, 0, -1, -1));
    }
    return new Result(stats, points, summary);
  }
}
