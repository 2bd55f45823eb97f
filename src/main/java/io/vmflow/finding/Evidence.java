package io.vmflow.finding;

/** Where a claim comes from: a catalog entry's origin and a 1-based line (0: the whole entry). */
public record Evidence(String origin, int line) {

  public Evidence {
    origin = origin == null ? "" : origin;
  }

  @Override
  public String toString() {
    return line > 0 ? origin + ":" + line : origin;
  }
}
