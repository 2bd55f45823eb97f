/**
 * Correlates parsed facts (joined per record kind by small combiners, {@code HostCombiners} and
 * {@code ControllerFacts}) into hosts, VMs and each VM port's path hop by hop (tap, qbr, qvb/qvo or
 * qvm/ply/pvi/pvo, br-int, onward; or tap, brq, vxlan-N for the Linux bridge agent). Every hop
 * keeps its evidence; missing data is a coverage finding, never a guess. Values are matched as the
 * text shows them, so sos-clean-masked MACs, IPs and host names correlate too.
 */
package io.vmflow.topology;
