package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code virsh list --all}: the libvirt domains of a host and their state. */
public record VirshList(List<Domain> domains) implements ParsedRecord {

  public VirshList {
    domains = List.copyOf(domains);
  }

  /**
   * @param id empty for a domain that is not running ({@code -})
   * @param state as printed, in the host's language ({@code running}, {@code shut off}, {@code
   *     実行中})
   */
  public record Domain(Optional<Integer> id, String name, String state, int line) {}

  /** The domain named {@code name} ({@code instance-00000026}). */
  public Optional<Domain> domain(String name) {
    return domains.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
