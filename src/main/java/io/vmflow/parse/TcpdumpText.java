package io.vmflow.parse;

import io.vmflow.model.IcmpEcho;
import java.util.List;

/**
 * tcpdump's text output ({@code -nne}, {@code -nn}, {@code -v}): the ICMP/ICMPv6 echo lines, other
 * lines skipped.
 *
 * @param interfaceName from {@code listening on tap1c65142e-2a, ...} or the command line, else ""
 */
public record TcpdumpText(String interfaceName, List<IcmpEcho> echoes) implements ParsedRecord {

  public TcpdumpText {
    echoes = List.copyOf(echoes);
  }
}
