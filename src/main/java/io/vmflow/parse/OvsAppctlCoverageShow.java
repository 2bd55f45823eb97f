package io.vmflow.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code ovs-appctl coverage/show}: ovs-vswitchd's event counters with their recent rates. */
public record OvsAppctlCoverageShow(List<Event> events) implements ParsedRecord {

  public OvsAppctlCoverageShow {
    events = List.copyOf(events);
  }

  /**
   * One event counter.
   *
   * @param perSecondLastMinute the average rate over the last minute, events per second; {@code
   *     perSecondLastHour} over the last hour
   * @param total events since ovs-vswitchd started
   */
  public record Event(
      String name, double perSecondLastMinute, double perSecondLastHour, long total, int line) {
    public Event {
      Objects.requireNonNull(name);
    }

    /** True while it still happens: a rate above zero over the last hour. */
    public boolean isRecent() {
      return perSecondLastMinute > 0 || perSecondLastHour > 0;
    }
  }

  public Optional<Event> event(String name) {
    return events.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The packet drop counters of recent OVS ({@code drop_action_*}, {@code datapath_drop_*}). */
  public List<Event> drops() {
    return events.stream()
        .filter(e -> e.name().startsWith("drop_action_") || e.name().startsWith("datapath_drop_"))
        .toList();
  }
}
