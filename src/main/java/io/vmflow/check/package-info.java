/**
 * Consistency rules over the topology, each a small class with stable codes: missing devices, ports
 * down, VLAN tags, FDB placement, patch peers, OVSDB errors, duplicates. Input: a {@link
 * io.vmflow.topology.Topology}; output: {@link io.vmflow.finding.Finding}s about a VM or a host,
 * with evidence and a hint.
 */
package io.vmflow.check;
