package io.vmflow.ping;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Follows each echo through the capture points of one flow in the order it travels, and finds the
 * first point where a sequence number stops being seen: the loss lies between the last point that
 * saw it and that one. Requests travel from the flow's source to its destination, replies back.
 */
public final class LossLocaliser {

  private LossLocaliser() {}

  /**
   * @param path every device of the VM's path, VM side first (capture points are among them)
   * @param byPoint the flow's stats per capture point on that path
   * @param outward true when requests leave the VM (the VM is the flow's source)
   */
  public static List<LossSegment> localise(
      List<String> path, Map<String, PointFlowStats> byPoint, boolean outward) {
    List<String> points = path.stream().filter(byPoint::containsKey).toList();
    List<LossSegment> out = new ArrayList<>();
    if (points.size() < 2) {
      return out;
    }
    List<String> inward = new ArrayList<>(points);
    java.util.Collections.reverse(inward);
    List<String> requestWay = outward ? points : inward;
    List<String> replyWay = outward ? inward : points;
    segments(path, requestWay, byPoint, "request", out);
    segments(path, replyWay, byPoint, "reply", out);
    return out;
  }

  private static void segments(
      List<String> path,
      List<String> way,
      Map<String, PointFlowStats> byPoint,
      String direction,
      List<LossSegment> out) {
    for (int i = 0; i + 1 < way.size(); i++) {
      PointFlowStats a = byPoint.get(way.get(i));
      PointFlowStats b = byPoint.get(way.get(i + 1));
      BitSet seenA = direction.equals("request") ? a.requestSeqs() : a.replySeqs();
      BitSet seenB = direction.equals("request") ? b.requestSeqs() : b.replySeqs();
      // only what every later point also missed is lost here; a later sighting means a capture gap
      BitSet later = new BitSet();
      for (int j = i + 2; j < way.size(); j++) {
        PointFlowStats c = byPoint.get(way.get(j));
        later.or(direction.equals("request") ? c.requestSeqs() : c.replySeqs());
      }
      BitSet lost = (BitSet) seenA.clone();
      lost.andNot(seenB);
      lost.andNot(later);
      // captures at two points need not cover the same time: judge only the sequence numbers
      // inside the span the next point saw of this flow (either direction)
      BitSet spanB = b.requestSeqs();
      spanB.or(b.replySeqs());
      BitSet seen = (BitSet) seenA.clone();
      if (!spanB.isEmpty()) {
        for (BitSet s : new BitSet[] {lost, seen}) {
          s.clear(0, spanB.nextSetBit(0));
          s.clear(spanB.length(), Math.max(spanB.length(), s.length()));
        }
      }
      if (lost.cardinality() > 0) {
        out.add(
            new LossSegment(
                way.get(i),
                way.get(i + 1),
                direction,
                seen.cardinality(),
                lost.cardinality(),
                a.flow(),
                between(path, way.get(i), way.get(i + 1))));
      }
    }
  }

  private static String between(List<String> path, String a, String b) {
    int i = path.indexOf(a);
    int j = path.indexOf(b);
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    return hi - lo <= 1 ? "" : String.join(", ", path.subList(lo + 1, hi));
  }
}
