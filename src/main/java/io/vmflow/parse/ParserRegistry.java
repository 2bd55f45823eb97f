package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from output kind to parser. A new format is one line here, one {@link Spec}
 * constant, one parser class, one fixtures folder and one test.
 */
public final class ParserRegistry {

  private static final Map<Spec, CommandParser<?>> PARSERS =
      Map.ofEntries(
          entry(new NovaListParser()),
          entry(new NovaShowParser()),
          entry(new NovaInterfaceListParser()),
          entry(new NeutronPortShowParser()),
          entry(new NeutronPortShowParser(Spec.OPENSTACK_PORT_SHOW)),
          entry(new SecurityGroupListParser(Spec.NEUTRON_SECURITY_GROUP_LIST)),
          entry(new SecurityGroupListParser(Spec.OPENSTACK_SECURITY_GROUP_LIST)),
          entry(new SecurityGroupRuleListParser(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST)),
          entry(new SecurityGroupRuleListParser(Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST)),
          entry(new NeutronNetListParser()),
          entry(new NeutronRouterListParser()),
          entry(new NeutronRouterShowParser()),
          entry(new NeutronRouterShowParser(Spec.OPENSTACK_ROUTER_SHOW)),
          entry(new CpsHostListParser()),
          entry(new HostnameParser()),
          entry(new DateParser(Spec.DATE)),
          entry(new DateParser(Spec.DATE_UTC)),
          entry(new BrctlShowParser()),
          entry(new OvsVsctlShowParser()),
          entry(new OvsOfctlShowParser()),
          entry(new OvsAppctlFdbShowParser()),
          entry(new TcpdumpTextParser()),
          entry(new IpLinkParser()),
          entry(new IpLinkParser(Spec.IP_ADDR)),
          entry(new OvsOfctlDumpFlowsParser()),
          entry(new OvsOfctlDumpPortsParser()),
          entry(new OvsVswitchdLogParser()),
          entry(new OvsdbServerLogParser()),
          entry(new NeutronAgentLogParser()),
          entry(new OvsVsctlListInterfaceParser()),
          entry(new OvsAppctlUpcallShowParser()),
          entry(new OvsAppctlCoverageShowParser()),
          entry(new OvsAppctlFdbStatsShowParser()),
          entry(new ProcNetDevParser()),
          entry(new EthtoolSParser()),
          entry(new OvsDpctlShowParser()),
          entry(new OvsAppctlOfprotoListTunnelsParser()),
          entry(new OvsAppctlTnlPortsShowParser()),
          entry(new OpenstackParsers.ServerListParser()),
          entry(new OpenstackParsers.ServerShowParser()),
          entry(new OpenstackParsers.PortListParser()),
          entry(new OpenstackParsers.NetworkListParser()),
          entry(new OpenstackParsers.PortListParser(Spec.NEUTRON_PORT_LIST)),
          entry(new OpenstackParsers.RouterListParser()),
          entry(new OpenstackNetworkShowParser()),
          entry(new SubnetListParser(Spec.NEUTRON_SUBNET_LIST)),
          entry(new SubnetListParser(Spec.OPENSTACK_SUBNET_LIST)),
          entry(new BridgeLinkShowParser()),
          entry(new BridgeFdbShowParser()),
          entry(new VirshListParser()),
          entry(new VirshDumpxmlParser()),
          entry(new IptablesSaveParser()),
          entry(new IptablesListParser()),
          entry(new NftListRulesetParser()),
          entry(new EbtablesListParser()),
          entry(new OvsAppctlOfprotoTraceParser()),
          entry(new OvsOfctlDumpGroupsParser()),
          entry(new IpNetnsParser()),
          entry(new SubnetShowParser(Spec.NEUTRON_SUBNET_SHOW)),
          entry(new SubnetShowParser(Spec.OPENSTACK_SUBNET_SHOW)),
          entry(new IpRouteParser()),
          entry(new IpNeighParser()),
          entry(new IpRuleParser()),
          entry(new NetnsExecParser(Spec.NETNS_IP_ADDR, new IpLinkParser(Spec.IP_ADDR))),
          entry(new NetnsExecParser(Spec.NETNS_IP_ROUTE, new IpRouteParser())),
          entry(new NetnsExecParser(Spec.NETNS_IP_NEIGH, new IpNeighParser())),
          entry(new NetnsExecParser(Spec.NETNS_IP_RULE, new IpRuleParser())),
          entry(new NetnsExecParser(Spec.NETNS_IPTABLES_SAVE, new IptablesSaveParser())),
          entry(new FloatingIpListParser(Spec.NEUTRON_FLOATINGIP_LIST)),
          entry(new FloatingIpListParser(Spec.OPENSTACK_FLOATING_IP_LIST)),
          entry(new OpenstackNetworkShowParser(Spec.NEUTRON_NET_SHOW)),
          entry(new DhcpHostFileParser()));

  private ParserRegistry() {}

  public static Optional<CommandParser<?>> parserFor(Spec spec) {
    return Optional.ofNullable(PARSERS.get(spec));
  }

  public static Map<Spec, CommandParser<?>> all() {
    return PARSERS;
  }

  private static Map.Entry<Spec, CommandParser<?>> entry(CommandParser<?> parser) {
    return Map.entry(parser.spec(), parser);
  }
}
