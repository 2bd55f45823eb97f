package io.vmflow.parse;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code date} or {@code date --utc} printed: the host's clock reading and the zone it was
 * read in. Its use is the host's UTC offset, which logs written in local time without a zone
 * (oslo.log's) need before they can be set beside captures.
 *
 * @param wall the reading as printed (no zone applied)
 * @param zone the zone as printed: an abbreviation ({@code CST}, {@code UTC}) or a numeric one
 *     ({@code +08}, {@code +0530}) for zones without an abbreviation
 * @param line the line it was read from
 */
public record DateOutput(LocalDateTime wall, String zone, int line) implements ParsedRecord {

  // names of zero offset that never mean a local summer or standard time elsewhere
  private static final Set<String> UNIVERSAL = Set.of("UTC", "UCT", "Z", "ZULU", "UNIVERSAL");

  public DateOutput {
    Objects.requireNonNull(wall, "wall");
    zone = zone == null ? "" : zone;
  }

  /** True when the reading is in UTC itself ({@code date --utc}, or a host kept in UTC). */
  public boolean universal() {
    return UNIVERSAL.contains(zone.toUpperCase(java.util.Locale.ROOT))
        || statedOffset().filter(o -> o.getTotalSeconds() == 0).isPresent();
  }

  /**
   * The offset when the zone says it: a numeric zone ({@code +08}, {@code -0330}), UTC or GMT;
   * empty for any other abbreviation ({@code CST} is China's +08 and the US's -06).
   */
  public Optional<ZoneOffset> statedOffset() {
    String upper = zone.toUpperCase(java.util.Locale.ROOT);
    if (UNIVERSAL.contains(upper) || upper.equals("GMT")) {
      return Optional.of(ZoneOffset.UTC);
    }
    if (!zone.matches("[+-]\\d{2}(:?\\d{2})?")) {
      return Optional.empty();
    }
    int sign = zone.charAt(0) == '-' ? -1 : 1;
    String digits = zone.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
    if (hours > 18 || minutes > 59) {
      return Optional.empty();
    }
    return Optional.of(ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60)));
  }
}
