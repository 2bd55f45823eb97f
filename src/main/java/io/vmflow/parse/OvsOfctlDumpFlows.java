package io.vmflow.parse;

import java.util.List;

/** {@code ovs-ofctl dump-flows <bridge>}: the bridge's OpenFlow flows, structured. */
public record OvsOfctlDumpFlows(String bridge, List<Flow> flows) implements ParsedRecord {

  public OvsOfctlDumpFlows {
    flows = List.copyOf(flows);
  }

  /**
   * One flow.
   *
   * @param match match fields in order; a field without a value ({@code icmp6}) has value ""
   * @param actions top-level actions ({@code resubmit(,24)}, {@code output:2}, {@code drop})
   * @param flags {@code send_flow_rem}, {@code reset_counts}, ... as printed
   */
  public record Flow(
      String cookie,
      int table,
      int priority,
      long packets,
      long bytes,
      double durationSeconds,
      List<Field> match,
      List<String> actions,
      List<String> flags,
      int line) {
    public Flow {
      match = List.copyOf(match);
      actions = List.copyOf(actions);
      flags = List.copyOf(flags);
    }

    /** Value of match field {@code name}, "" when absent or valueless. */
    public String get(String name) {
      return match.stream()
          .filter(f -> f.name().equals(name))
          .map(Field::value)
          .findFirst()
          .orElse("");
    }
  }

  /** A match field: {@code in_port=9}, {@code dl_vlan=15}, {@code icmp6} (no value). */
  public record Field(String name, String value) {}
}
