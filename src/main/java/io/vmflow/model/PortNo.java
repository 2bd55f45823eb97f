package io.vmflow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An OpenFlow port number as OVS prints it: a decimal number, or a reserved name such as {@code
 * LOCAL}.
 */
public record PortNo(String value) {

  public static final PortNo LOCAL = new PortNo("LOCAL");

  public PortNo {
    Objects.requireNonNull(value, "value");
    value = value.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty port number");
    }
    if (!value.chars().allMatch(Character::isDigit)) {
      value = value.toUpperCase(Locale.ROOT);
    }
  }

  /** Parses {@code 71}, {@code LOCAL}, {@code local}; empty for anything else. */
  public static Optional<PortNo> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 10) {
      return Optional.of(new PortNo(t));
    }
    if (t.matches("(?i)LOCAL|CONTROLLER|NONE|IN_PORT|ALL|FLOOD|NORMAL|ANY")) {
      return Optional.of(new PortNo(t));
    }
    return Optional.empty();
  }

  @JsonCreator
  public static PortNo of(String text) {
    return new PortNo(text);
  }

  public boolean isLocal() {
    return "LOCAL".equals(value);
  }

  /** The number, when this is a numbered port. */
  public OptionalInt number() {
    return value.chars().allMatch(Character::isDigit)
        ? OptionalInt.of(Integer.parseInt(value))
        : OptionalInt.empty();
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
}
