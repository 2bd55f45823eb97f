package io.vmflow.topology;

import io.vmflow.finding.Evidence;

/**
 * A MAC the bridge's FDB learned: on which bridge, OpenFlow port and VLAN.
 *
 * @param port OpenFlow port number or name as printed ({@code 71}, {@code LOCAL})
 * @param age seconds or {@code static}, as printed
 */
public record FdbSighting(
    String bridge, String port, int vlan, String mac, String age, Evidence evidence) {}
