package io.vmflow.capture;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a capture reader could not use, with frame counts: frames of a link type neither decoder
 * understands (PPP, 802.11 …), and interfaces whose {@code if_tsresol} is implausible (finer than a
 * nanosecond or coarser than a second), read as microseconds instead.
 */
final class CaptureDrops {

  static final String LINK_UNSUPPORTED = "CAPTURE_LINK_TYPE_UNSUPPORTED";
  static final String TSRESOL_IMPLAUSIBLE = "CAPTURE_TSRESOL_IMPLAUSIBLE";

  private final Map<Integer, long[]> undecoded = new LinkedHashMap<>();
  private final Map<String, long[]> assumedResolution = new LinkedHashMap<>();
  private final Map<String, Integer> rawResolution = new LinkedHashMap<>();

  void undecoded(int linkType) {
    undecoded.computeIfAbsent(linkType, t -> new long[1])[0]++;
  }

  /** An interface at {@code point} declared {@code raw}, which is not believable. */
  void implausibleResolution(String point, int raw) {
    rawResolution.putIfAbsent(point, raw);
    assumedResolution.putIfAbsent(point, new long[1]);
  }

  void frame(String point) {
    if (assumedResolution.isEmpty()) {
      return; // nearly always: no lookup per frame
    }
    long[] n = assumedResolution.get(point);
    if (n != null) {
      n[0]++;
    }
  }

  /**
   * True when an {@code if_tsresol} byte gives a plausible unit: 10^0..10^9 or 2^0..2^30 per
   * second.
   */
  static boolean isPlausible(int raw) {
    return (raw & 0x80) == 0 ? raw <= 9 : (raw & 0x7f) <= 30;
  }

  void addTo(List<Finding> findings, String origin) {
    undecoded.forEach(
        (type, n) ->
            findings.add(
                Finding.input(
                    Severity.WARNING,
                    LINK_UNSUPPORTED,
                    n[0]
                        + " frames of link type "
                        + type
                        + " not decoded (vmflow reads Ethernet, Linux cooked and raw IP): their"
                        + " pings are not counted",
                    origin,
                    0)));
    assumedResolution.forEach(
        (point, n) ->
            findings.add(
                Finding.input(
                    Severity.WARNING,
                    TSRESOL_IMPLAUSIBLE,
                    String.format(
                        "interface %s declares if_tsresol 0x%02x, not a believable clock; its %d"
                            + " frames are timed in microseconds instead",
                        point, rawResolution.get(point), n[0]),
                    origin,
                    0)));
  }
}
