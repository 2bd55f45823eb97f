package io.vmflow.parse;

import java.util.List;

/** {@code ovs-ofctl dump-groups <bridge>}: the bridge's OpenFlow groups. */
public record OvsOfctlDumpGroups(String bridge, List<Group> groups) implements ParsedRecord {

  public OvsOfctlDumpGroups {
    groups = List.copyOf(groups);
  }

  /**
   * One group: {@code group_id=1,type=select,bucket=actions=output:1,bucket=actions=output:2}.
   *
   * @param type {@code all}, {@code select}, {@code indirect}, {@code ff}
   * @param buckets each bucket's text after {@code bucket=}, in order
   * @param text the whole line as printed, which {@code ovs-ofctl add-groups} reads back
   */
  public record Group(long id, String type, List<String> buckets, String text, int line) {
    public Group {
      buckets = List.copyOf(buckets);
    }
  }
}
