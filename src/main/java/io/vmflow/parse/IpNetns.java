package io.vmflow.parse;

import java.util.List;

/** {@code ip netns}: the host's named network namespaces. */
public record IpNetns(List<Namespace> namespaces) implements ParsedRecord {

  public IpNetns {
    namespaces = List.copyOf(namespaces);
  }

  /**
   * @param id the namespace's id in the current namespace ({@code (id: 9)}), -1 when not shown
   */
  public record Namespace(String name, int id, int line) {}
}
