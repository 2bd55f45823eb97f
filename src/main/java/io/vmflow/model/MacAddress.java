package io.vmflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Ethernet MAC address, lower-case, colon separated. {@code sos clean} masks MACs with other hex
 * values, so nothing beyond "six hex octets" is assumed.
 */
public record MacAddress(String value) {

  // fa:16:3e:29:fb:13, FA-16-3E-29-FB-13
  private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{1,2}([:-][0-9a-f]{1,2}){5}");

  public MacAddress {
    Objects.requireNonNull(value, "value");
    if (!MAC.matcher(value).matches()) {
      throw new IllegalArgumentException("not a MAC address: '" + value + "'");
    }
    value = normalise(value);
  }

  /** Parses {@code text}; empty when it is not a MAC address. */
  public static Optional<MacAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return MAC.matcher(t).matches() ? Optional.of(new MacAddress(t)) : Optional.empty();
  }

  @JsonCreator
  public static MacAddress of(String text) {
    return new MacAddress(text.trim());
  }

  /** The last five octets, which a tap ({@code fe:16:3e:..}) shares with its VM ({@code fa:..}). */
  public String lastFiveOctets() {
    return value.substring(3);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String normalise(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("[:-]");
    StringBuilder out = new StringBuilder(17);
    for (String p : parts) {
      if (out.length() > 0) {
        out.append(':');
      }
      out.append(p.length() == 1 ? "0" + p : p);
    }
    return out.toString();
  }
}
