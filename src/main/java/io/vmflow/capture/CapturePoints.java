package io.vmflow.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a capture point when the capture does not (classic pcap has no interface name): from the
 * file name, e.g. {@code tap1c65142e-2a.pcap}, {@code tap1c65142e-2a_20240101.pcap.gz}, sos-style
 * {@code tcpdump_-i_tap1c65142e-2a_-w_x.pcap}, {@code br-int.pcap}.
 */
public final class CapturePoints {

  // neutron device names: tap1c65142e-2a, qvo81e4a23a-40, ... ; OVS bridges and NICs: br-int, eth0
  private static final Pattern DEVICE =
      Pattern.compile("((tap|qbr|qvb|qvo|qvm|ply|pvi|pvo|qr-|qg-|ha-|sg-)[0-9a-f]{8}-[0-9a-f]{2})");
  private static final Pattern ANY_I = Pattern.compile("(?:^|_)-i_([A-Za-z0-9.:@-]+)");

  public static final String UNKNOWN = "unknown";

  private CapturePoints() {}

  /** The point named by a file name or origin path; {@link #UNKNOWN} when nothing names one. */
  public static String fromName(String origin) {
    String name = origin.substring(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('!')) + 1);
    Matcher d = DEVICE.matcher(name);
    if (d.find()) {
      return d.group(1);
    }
    Matcher i = ANY_I.matcher(name);
    if (i.find()) {
      return i.group(1);
    }
    String base = name.replaceAll("(\\.(pcapng|pcap|cap|gz|dump))+$", "");
    if (base.matches("(br-[\\w-]+|eth\\d+|ens\\w+|eno\\w+|bond\\d+(\\.\\d+)?|vxlan[\\w-]*|any)")) {
      return base;
    }
    return UNKNOWN;
  }
}
