package io.vmflow.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which boxes and links of a path diagram lie where a loss was localised. A loss sits between the
 * last capture point that saw the echoes and the first that did not: the devices strictly between
 * them are marked, or the first point itself when the two are adjacent. A loss between two VMs has
 * only one end on this VM's path: from that end, only the devices of the segment that this path
 * shares with the flow's path are marked (a flow between two VMs of one host never crosses this
 * path's tunnel, so the tunnel stays unmarked).
 *
 * @param boxes hop indexes whose box is marked
 * @param edges index {@code i} marks the link from hop {@code i} to hop {@code i + 1}
 */
record LossMarks(Set<Integer> boxes, Set<Integer> edges) {

  static LossMarks of(List<String> devices, List<LossRow> losses) {
    Set<Integer> boxes = new TreeSet<>();
    Set<Integer> edges = new TreeSet<>();
    for (LossRow l : losses) {
      int i = devices.indexOf(l.from());
      int j = devices.indexOf(l.to());
      if (i >= 0 && j >= 0) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        range(edges, lo, hi - 1);
        range(boxes, lo + 1, hi - 1);
        if (hi - lo == 1) {
          boxes.add(j);
        }
      } else if (i >= 0 || j >= 0) {
        shared(devices, Math.max(i, j), new HashSet<>(l.inside()), boxes, edges);
      }
    }
    return new LossMarks(Set.copyOf(boxes), Set.copyOf(edges));
  }

  // from the end on this path, the run of devices that are also inside the segment, either way
  private static void shared(
      List<String> devices, int k, Set<String> inside, Set<Integer> boxes, Set<Integer> edges) {
    for (int step : new int[] {1, -1}) {
      int n = k + step;
      while (n >= 0 && n < devices.size() && inside.contains(devices.get(n))) {
        boxes.add(n);
        edges.add(Math.min(n, n - step));
        n += step;
      }
    }
  }

  private static void range(Set<Integer> into, int from, int to) {
    for (int n = from; n <= to; n++) {
      into.add(n);
    }
  }
}
