package io.vmflow.cause;

/**
 * A lost echo as it enters one OpenFlow bridge.
 *
 * @param dlSrc source MAC in lower case, "" when unknown
 * @param dlDst destination MAC, "" when unknown
 * @param icmpType 8 request, 0 reply
 * @param inPort name of the port it enters the bridge through, "" when unknown
 * @param inPortNo that port's OpenFlow number, "" when unknown
 * @param vlan the 802.1Q VLAN it carries there, -1 untagged, -2 unknown
 */
record Packet(
    String dlSrc,
    String dlDst,
    String nwSrc,
    String nwDst,
    int icmpType,
    String inPort,
    String inPortNo,
    int vlan) {

  static final int VLAN_UNKNOWN = -2;

  boolean isIpv6() {
    return nwSrc.contains(":");
  }

  /** "icmp 10.20.0.13 > 10.20.0.11 type 0 in_port 1 (patch-tun)". */
  String describe() {
    return (isIpv6() ? "icmp6 " : "icmp ")
        + nwSrc
        + " > "
        + nwDst
        + " type "
        + icmpType
        + (inPort.isEmpty()
            ? ""
            : " in_port " + (inPortNo.isEmpty() ? inPort : inPortNo + " (" + inPort + ")"));
  }
}
