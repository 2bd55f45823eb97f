package io.vmflow.finding;

/** How much a finding matters; ordered from least to most severe. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  /** True when this severity is at or above {@code threshold}. */
  public boolean isAtLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }
}
