package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.util.List;

/**
 * {@code hostname}: one line, the host's name.
 *
 * <pre>
 * compute-0.localdomain
 * </pre>
 */
final class HostnameParser implements CommandParser<Hostname> {

  @Override
  public Spec spec() {
    return Spec.HOSTNAME;
  }

  @Override
  public Class<Hostname> type() {
    return Hostname.class;
  }

  @Override
  public Parsed<Hostname> parse(SourceText source) {
    return source.lines().stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .map(l -> Parsed.of(new Hostname(l.split("\\s+")[0]), List.of()))
        .orElseGet(() -> Parsed.failed(ParseFindings.noData(source, "host name")));
  }
}
