package io.vmflow.topology;

import io.vmflow.parse.ParsedRecord;
import io.vmflow.spec.Spec;
import java.util.Objects;

/**
 * One parsed artifact as topology sees it: the record a parser produced plus where it came from.
 *
 * @param host host the artifact was collected on, "" when unknown (controller tables often are)
 * @param subject object of a per-object command ({@code br-int}, a server id), "" when none
 * @param value the parser's record, e.g. {@link io.vmflow.parse.BrctlShow}
 */
public record Fact(String host, Spec spec, String origin, String subject, ParsedRecord value) {

  public Fact {
    host = host == null ? "" : host;
    Objects.requireNonNull(spec, "spec");
    origin = origin == null ? "" : origin;
    subject = subject == null ? "" : subject;
    Objects.requireNonNull(value, "value");
  }
}
