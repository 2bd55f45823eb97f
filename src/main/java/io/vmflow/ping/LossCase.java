package io.vmflow.ping;

import java.util.List;

/**
 * One localised loss as the ping stage found it, with the devices of its segment in the order the
 * lost packets travel.
 *
 * @param vmId the VM whose path the loss is on
 * @param sentence the loss finding's message; the report links causes by it
 * @param direction {@code request} or {@code reply}
 * @param src the echo request's source IP (the flow's source)
 * @param dst the echo request's destination IP
 * @param devices the segment's devices from the last point that saw the packets to the first that
 *     did not, both included; peer-host markers left out
 * @param hosts the host of each device, aligned with {@code devices}
 * @param lost how many echoes were lost on the segment, 0 when unknown
 * @param ipBytes the largest echo of the flow as an IP packet length, 0 when unknown: an MTU
 *     explains the loss only when the flow's packets do not fit it
 */
public record LossCase(
    String vmId,
    String sentence,
    String direction,
    String src,
    String dst,
    List<String> devices,
    List<String> hosts,
    long lost,
    int ipBytes) {

  public LossCase {
    devices = List.copyOf(devices);
    hosts = List.copyOf(hosts);
    if (devices.size() != hosts.size()) {
      throw new IllegalArgumentException("devices and hosts differ in length");
    }
  }

  /** A loss whose packet size is not known. */
  public LossCase(
      String vmId,
      String sentence,
      String direction,
      String src,
      String dst,
      List<String> devices,
      List<String> hosts,
      long lost) {
    this(vmId, sentence, direction, src, dst, devices, hosts, lost, 0);
  }

  /** A loss whose count is not known. */
  public LossCase(
      String vmId,
      String sentence,
      String direction,
      String src,
      String dst,
      List<String> devices,
      List<String> hosts) {
    this(vmId, sentence, direction, src, dst, devices, hosts, 0);
  }

  /** True when {@code device} on {@code host} lies on the segment. */
  public boolean crosses(String device, String host) {
    for (int i = 0; i < devices.size(); i++) {
      if (devices.get(i).equals(device) && hosts.get(i).equalsIgnoreCase(host)) {
        return true;
      }
    }
    return false;
  }

  /** The lost packet's ICMP type: 8 for requests, 0 for replies. */
  public int icmpType() {
    return direction.equals("request") ? 8 : 0;
  }

  /** The lost packet's source IP: the request's source, or for replies its destination. */
  public String packetSrc() {
    return direction.equals("request") ? src : dst;
  }

  public String packetDst() {
    return direction.equals("request") ? dst : src;
  }
}
