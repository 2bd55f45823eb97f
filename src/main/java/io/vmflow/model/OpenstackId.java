package io.vmflow.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenStack object id (server, port, network, router, host), as nova, neutron and cps print it
 * in either case: {@code 1C65142E-2A4F-...} and {@code 1c65142e-2a4f-...} are the same id. Held
 * lower-case ({@link Locale#ROOT}, so a Turkish locale does not turn {@code I} into a dotless
 * {@code ı}); the text is otherwise kept as written.
 *
 * @param value the id, lower-case
 */
public record OpenstackId(String value) {

  public OpenstackId {
    value = Objects.requireNonNull(value, "value").toLowerCase(Locale.ROOT);
  }

  /** The id written as {@code text}; "" stays "" (an absent id in a table cell). */
  public static OpenstackId of(String text) {
    return new OpenstackId(text);
  }

  /** The id in {@code text}, empty when the text is blank. */
  public static Optional<OpenstackId> parse(String text) {
    return text == null || text.isBlank()
        ? Optional.empty()
        : Optional.of(new OpenstackId(text.trim()));
  }

  /** The lower-case form of {@code text}, used as a map key where ids are looked up. */
  public static String key(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /**
   * The first 11 characters, as device names carry them ({@code tap1c65142e-2a}); see {@link
   * DeviceNames}.
   */
  public String prefix11() {
    return DeviceNames.idPart(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
