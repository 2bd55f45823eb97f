package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * One device on a VM's path, in path order.
 *
 * @param device device name ({@code tap1c65142e-2a})
 * @param bridge the bridge the device is a port of, "" when none or unknown
 * @param ofport OpenFlow port number on {@code bridge} ({@code 71}, {@code LOCAL}), "" when unknown
 * @param vlan access VLAN tag on an OVS port, -1 when none or unknown
 * @param mac the device's MAC as a report shows it, "" when unknown
 * @param present false when the path rule expects this device but no output in the dump shows it
 * @param host host the device lives on
 * @param peer patch peer, or a tunnel's remote IP, "" when none
 * @param fdb FDB entries that learned the VM's MAC on this hop's OpenFlow port (or bridge)
 * @param evidence every entry and line that shows this hop
 */
public record Hop(
    String device,
    HopKind kind,
    String bridge,
    String ofport,
    int vlan,
    String mac,
    boolean present,
    String host,
    String peer,
    List<FdbSighting> fdb,
    List<Evidence> evidence) {

  public Hop {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    bridge = bridge == null ? "" : bridge;
    ofport = ofport == null ? "" : ofport;
    mac = mac == null ? "" : mac;
    host = host == null ? "" : host;
    peer = peer == null ? "" : peer;
    fdb = List.copyOf(fdb);
    evidence = List.copyOf(evidence);
  }
}
