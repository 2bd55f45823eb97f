package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.Objects;

/**
 * The MAC one source gives a VM port: nova's interface list, neutron's port, libvirt's domain
 * interface. They must agree; the tap's {@code fe:} MAC on the host is a different check.
 *
 * @param source {@code nova}, {@code neutron} or {@code libvirt}
 * @param mac as the source prints it, lower-case
 */
public record MacSighting(String source, String mac, Evidence evidence) {

  public MacSighting {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(evidence, "evidence");
  }
}
