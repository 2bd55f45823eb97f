package io.vmflow.parse;

import io.vmflow.spec.Spec;

/**
 * {@code ip netns exec NS <command>} (sos: {@code ip_netns_exec_<ns>_ip_address_show}, {@code
 * ..._ip_route_show_table_all}, {@code ..._ip_-s_-s_neigh_show}, {@code ..._ip_rule_list}, {@code
 * ..._iptables-save}): the same text as the host-level command, read by that command's parser and
 * wrapped in {@link InNamespace}. The namespace is the artifact's subject.
 */
final class NetnsExecParser implements CommandParser<InNamespace> {

  private final Spec spec;
  private final CommandParser<?> inner;

  NetnsExecParser(Spec spec, CommandParser<?> inner) {
    if (inner.spec().inNamespace().orElse(null) != spec) {
      throw new IllegalArgumentException(inner.spec() + " does not run as " + spec);
    }
    this.spec = spec;
    this.inner = inner;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<InNamespace> type() {
    return InNamespace.class;
  }

  @Override
  public Parsed<InNamespace> parse(SourceText source) {
    Parsed<?> p =
        inner.parse(
            new SourceText(
                inner.spec(),
                source.origin(),
                source.firstLine(),
                source.subject(),
                source.lines()));
    return new Parsed<>(p.value().flatMap(v -> InNamespace.of((ParsedRecord) v)), p.findings());
  }
}
