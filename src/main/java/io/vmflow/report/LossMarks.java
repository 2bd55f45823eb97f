package io.vmflow.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which boxes and links of a path diagram lie where a loss was localised. A loss sits between the
 * last capture point that saw the echoes and the first that did not: the devices strictly between
 * them are marked, or the first point itself when the two are adjacent. A loss between two VMs has
 * only one end on this VM's path; the rest of the path beyond that end is marked.
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
        int k = Math.max(i, j);
        range(edges, k, devices.size() - 2);
        range(boxes, k + 1, devices.size() - 1);
      }
    }
    return new LossMarks(Set.copyOf(boxes), Set.copyOf(edges));
  }

  private static void range(Set<Integer> into, int from, int to) {
    for (int n = from; n <= to; n++) {
      into.add(n);
    }
  }
}
