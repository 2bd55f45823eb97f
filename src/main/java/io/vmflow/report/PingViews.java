package io.vmflow.report;

import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.ping.PortPings;
import io.vmflow.ping.Timeline;
import java.util.ArrayList;
import java.util.List;

/** Maps the ping stage's results of one VM, port by port, to the rows the report shows. */
record PingViews(List<PingRow> pings, List<LossRow> losses, List<PointTimeline> timelines) {

  static PingViews of(PingResults results, String vmId) {
    List<PingRow> pings = new ArrayList<>();
    List<LossRow> losses = new ArrayList<>();
    List<PointTimeline> timelines = new ArrayList<>();
    for (PortPings p : results.ofVm(vmId)) {
      p.points().forEach(s -> pings.add(row(s, p.portId())));
      p.losses().forEach(l -> losses.add(row(l, p.portId())));
      p.timelines().forEach(t -> timelines.add(row(t, p.portId())));
    }
    return new PingViews(List.copyOf(pings), List.copyOf(losses), List.copyOf(timelines));
  }

  static PingRow row(PointFlowStats s, String port) {
    return new PingRow(
        s.point(),
        s.flow(),
        s.src(),
        s.dst(),
        s.id(),
        s.requests(),
        s.replies(),
        s.answered(),
        s.unanswered(),
        s.outsideWindow(),
        s.duplicates(),
        s.answered() == 0 ? null : s.rttMinMs(),
        s.answered() == 0 ? null : s.rttAvgMs(),
        s.answered() == 0 ? null : s.rttMaxMs(),
        s.rttHistogram(),
        s.origin(),
        port);
  }

  static LossRow row(LossSegment l, String port) {
    return new LossRow(
        l.from(),
        l.to(),
        l.direction(),
        l.lost(),
        l.flow(),
        l.sentence(),
        port,
        l.inside().isEmpty() ? List.of() : List.of(l.inside().split(", ")));
  }

  private static PointTimeline row(Timeline t, String port) {
    return new PointTimeline(
        t.point(), t.flow(), t.firstSeq(), t.bucket(), t.requests(), t.replies(), port);
  }
}
