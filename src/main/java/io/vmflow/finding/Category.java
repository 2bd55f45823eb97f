package io.vmflow.finding;

/**
 * What a finding is about: unreadable input, missing data a check needs, or a conclusion about the
 * network (Batfish's parse-warning / red-flag split).
 */
public enum Category {
  INPUT,
  COVERAGE,
  NETWORK
}
