/**
 * Pairs ICMP echo requests and replies per capture point and flow ({@link
 * io.vmflow.ping.PingPairer}) and owns loss along a path ({@link
 * io.vmflow.ping.PathLossLocaliser}): input, the topology's VM port paths, the paired flows and the
 * capture windows; output, {@link io.vmflow.ping.PingResults} keyed by VM and port (points, loss
 * segments, silent points, timelines) and findings tied to VM and port. Plain Java, bounded memory.
 */
package io.vmflow.ping;
