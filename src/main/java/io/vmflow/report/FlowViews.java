package io.vmflow.report;

import io.vmflow.ping.FlowPath;
import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PathLossLocaliser;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps the ping stage's VM-to-VM flow paths of one VM to the diagrams its page draws. */
final class FlowViews {

  private FlowViews() {}

  static List<FlowView> of(PingResults results, String vmId, List<Vm> vms) {
    Map<String, String> names = new HashMap<>();
    vms.forEach(v -> names.put(v.id(), v.name().isBlank() ? v.id() : v.name()));
    List<FlowView> out = new ArrayList<>();
    for (FlowPath f : results.flowsOf(vmId)) {
      out.add(view(f, names));
    }
    return List.copyOf(out);
  }

  private static FlowView view(FlowPath f, Map<String, String> names) {
    List<String> devices = PathLossLocaliser.names(f.hops());
    List<LossRow> rows = f.losses().stream().map(l -> PingViews.row(l, f.srcPortId())).toList();
    LossMarks marks = LossMarks.of(devices, rows);
    Map<String, PointFlowStats> points = new HashMap<>();
    f.points().forEach(p -> points.putIfAbsent(p.point(), p));
    List<FlowView.Box> boxes = new ArrayList<>();
    for (int i = 0; i < f.hops().size(); i++) {
      Hop h = f.hops().get(i);
      PointFlowStats p = points.get(h.device());
      // the hop that crosses to the other host is the underlay network between them, on neither
      boolean underlay = h.kind() == io.vmflow.topology.HopKind.REMOTE_HOST;
      boxes.add(
          new FlowView.Box(
              devices.get(i),
              underlay ? "UNDERLAY" : h.kind().name(),
              underlay ? "" : h.host(),
              p != null,
              p == null ? 0 : p.requests(),
              p == null ? 0 : p.replies(),
              marks.boxes().contains(i),
              marks.edges().contains(i)));
    }
    return new FlowView(
        f.flow(),
        names.getOrDefault(f.srcVmId(), f.srcVmId()),
        names.getOrDefault(f.dstVmId(), f.dstVmId()),
        boxes,
        f.losses().stream().map(LossSegment::sentence).toList());
  }
}
