package io.vmflow.parse;

/**
 * The record one command output becomes: every parser's output type, and nothing else. Sealed so
 * that consumers (topology's combiners, the fact store) know the whole set and a test can check
 * that each kind is consumed or deliberately ignored.
 */
public sealed interface ParsedRecord
    permits BrctlShow,
        FirewallRules,
        OvsAppctlOfprotoTrace,
        BridgeFdbShow,
        BridgeLinkShow,
        HostList,
        InNamespace,
        IpNeigh,
        IpNetns,
        IpRoute,
        IpRule,
        Hostname,
        InterfaceList,
        IpLink,
        LibvirtDomain,
        NetworkList,
        NetworkShow,
        OvsAppctlFdbShow,
        OvsDpctlShow,
        OvsOfctlDumpFlows,
        OvsOfctlDumpPorts,
        OvsOfctlShow,
        OvsTunnels,
        OvsVswitchdLog,
        OvsVsctlShow,
        PortList,
        PortShow,
        RouterList,
        RouterShow,
        SecurityGroupList,
        SecurityGroupRuleList,
        ServerList,
        ServerShow,
        SubnetList,
        SubnetShow,
        TcpdumpText,
        VirshList {}
