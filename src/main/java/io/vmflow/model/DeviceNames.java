package io.vmflow.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Neutron's device naming rule: a three-letter prefix plus the first 11 characters of a port UUID
 * ({@code tap1c65142e-2a}). On FusionSphere the UUID is the port's {@code alias_id}.
 */
public final class DeviceNames {

  /** Length of the UUID part in a device name: {@code 1c65142e-2a}. */
  public static final int ID_PART = 11;

  // tap1c65142e-2a, qvo81e4a23a-40, pvo1c65142e-2a
  private static final Pattern DEVICE = Pattern.compile("([a-z]{3})([0-9a-f]{8}-[0-9a-f]{2})");

  private DeviceNames() {}

  /** {@code name("tap", "1c65142e-2a4f-...")} is {@code tap1c65142e-2a}. */
  public static String name(String prefix, String uuid) {
    return prefix + idPart(uuid);
  }

  /** First 11 characters of a UUID, lower-case; a {@code cell1:} style prefix is dropped. */
  public static String idPart(String uuid) {
    String u = stripCell(uuid).toLowerCase(Locale.ROOT);
    return u.length() <= ID_PART ? u : u.substring(0, ID_PART);
  }

  /** FusionSphere writes {@code alias_id} as {@code cell1:<uuid>}; returns the UUID. */
  public static String stripCell(String id) {
    String t = id.trim();
    int colon = t.lastIndexOf(':');
    return colon >= 0 ? t.substring(colon + 1) : t;
  }

  /** The prefix of a device name that follows the rule ({@code "tap"}), if it does. */
  public static Optional<String> prefix(String device) {
    var m = DEVICE.matcher(device);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The 11-character id part of a device name that follows the rule, if it does. */
  public static Optional<String> idPartOf(String device) {
    var m = DEVICE.matcher(device);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }
}
