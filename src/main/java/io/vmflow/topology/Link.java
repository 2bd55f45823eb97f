package io.vmflow.topology;

import io.vmflow.finding.Evidence;

/**
 * A network device as {@code ip link} shows it on a host.
 *
 * @param peer veth peer or {@code ifN}, "" when none
 * @param master bridge or datapath it is enslaved to, "" when none
 * @param up administratively up and not operationally down
 */
public record Link(
    String name,
    String peer,
    String master,
    String state,
    boolean up,
    String mac,
    String kind,
    Evidence evidence) {}
