package io.vmflow.topology;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of several readings of one device's state (MTU, flags, carrier) is the newest: the host's
 * own dump is taken after any capture, the collector's counter reading after its capture before
 * that, and the one before its capture first — before a fault such as a tap set down or its MTU
 * lowered, which an older reading must not hide.
 */
public final class DeviceReadings {

  private static final Pattern COUNTER_SNAPSHOT =
      Pattern.compile("/counters/(before|after)-\\d{1,18}/");

  private DeviceReadings() {}

  /** 0 for the host's dump, 1 for a counter reading after a capture, 2 for one before it. */
  public static int staleness(String origin) {
    Matcher m = COUNTER_SNAPSHOT.matcher(origin);
    return !m.find() ? 0 : m.group(1).equals("after") ? 1 : 2;
  }

  /** True when the reading at {@code origin} is newer than the one at {@code than}. */
  public static boolean newer(String origin, String than) {
    return staleness(origin) < staleness(than);
  }
}
