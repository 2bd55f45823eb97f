/**
 * Reads capture files: classic pcap and pcapng (either gzipped) streamed once with memory bounded
 * by the largest frame ({@link io.vmflow.capture.CaptureReader}); frames decoded in place, tunnels
 * and VLAN tags included, with pcap4j only for rare link types; every ICMP/ICMPv6 echo handed to an
 * {@link io.vmflow.capture.EchoSink} under its capture point (interface name, else the file name:
 * {@link io.vmflow.capture.CapturePoints}), or, for a large classic pcap and a sink that splits its
 * pairing by flow ({@link io.vmflow.capture.FlowShards}), each flow's echoes to its shard in file
 * order, on all threads. Truncated or corrupt tails become findings. Plain Java.
 */
package io.vmflow.capture;
