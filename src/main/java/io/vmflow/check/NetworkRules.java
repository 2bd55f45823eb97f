package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules across VMs: one network must map to one local VLAN per host and two networks never share
 * one; a MAC or IP appears once per network; a VM's devices live on one host only.
 */
final class NetworkRules implements Rule {

  static final String VLAN_TAG_MISMATCH = "VLAN_TAG_MISMATCH";
  static final String VLAN_SHARED = "VLAN_SHARED";
  static final String DUPLICATE_IP = "DUPLICATE_IP";
  static final String DUPLICATE_MAC = "DUPLICATE_MAC";
  static final String VM_ON_TWO_HOSTS = "VM_ON_TWO_HOSTS";

  private record Tagged(Vm vm, VmPort port, Hop hop) {}

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<Tagged>> byHostNet = new LinkedHashMap<>();
    Map<String, List<Tagged>> byHostTag = new LinkedHashMap<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        Optional<Hop> h = Flags.integrationPort(port);
        if (h.isPresent() && h.get().vlan() >= 0 && !port.networkId().isEmpty()) {
          Tagged x = new Tagged(vm, port, h.get());
          byHostNet
              .computeIfAbsent(h.get().host() + "|" + port.networkId(), k -> new ArrayList<>())
              .add(x);
          byHostTag
              .computeIfAbsent(h.get().host() + "|" + h.get().vlan(), k -> new ArrayList<>())
              .add(x);
        }
      }
    }
    byHostNet.values().forEach(list -> mismatch(list, out));
    byHostTag.values().forEach(list -> shared(list, out));
    duplicates(t, out);
    twoHosts(t, out);
    return out;
  }

  private static void mismatch(List<Tagged> list, List<Finding> out) {
    Set<Integer> tags = new LinkedHashSet<>();
    list.forEach(x -> tags.add(x.hop().vlan()));
    if (tags.size() < 2) {
      return;
    }
    for (Tagged x : list) {
      out.add(
          Flags.flag(
              Severity.ERROR,
              VLAN_TAG_MISMATCH,
              "ports of network "
                  + x.port().networkId()
                  + " on "
                  + x.hop().host()
                  + " carry different local VLAN tags "
                  + tags
                  + "; "
                  + x.hop().device()
                  + " has "
                  + x.hop().vlan(),
              x.vm().id(),
              x.hop().host(),
              "VMs of one network on one host must share its local VLAN; restart the OVS agent or retag the port",
              x.hop().evidence()));
    }
  }

  private static void shared(List<Tagged> list, List<Finding> out) {
    Set<String> nets = new LinkedHashSet<>();
    list.forEach(x -> nets.add(x.port().networkId()));
    if (nets.size() < 2) {
      return;
    }
    for (Tagged x : list) {
      out.add(
          Flags.flag(
              Severity.ERROR,
              VLAN_SHARED,
              "networks "
                  + nets
                  + " share local VLAN "
                  + x.hop().vlan()
                  + " on "
                  + x.hop().host()
                  + ": their traffic is not isolated",
              x.vm().id(),
              x.hop().host(),
              "one of the ports was tagged by hand or by a stale agent",
              x.hop().evidence()));
    }
  }

  private static void duplicates(Topology t, List<Finding> out) {
    Map<String, List<Vm>> macs = new LinkedHashMap<>();
    Map<String, List<Vm>> ips = new LinkedHashMap<>();
    Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
    for (Vm vm : t.vms()) {
      for (VmPort p : vm.ports()) {
        if (!p.mac().isEmpty()) {
          String k = p.networkId() + "|" + p.mac();
          macs.computeIfAbsent(k, x -> new ArrayList<>()).add(vm);
          evidence.computeIfAbsent("m" + k, x -> new ArrayList<>()).addAll(p.evidence());
        }
        for (String ip : p.ips()) {
          String k = p.networkId() + "|" + ip;
          ips.computeIfAbsent(k, x -> new ArrayList<>()).add(vm);
          evidence.computeIfAbsent("i" + k, x -> new ArrayList<>()).addAll(p.evidence());
        }
      }
    }
    report(macs, evidence, "m", DUPLICATE_MAC, "MAC", out);
    report(ips, evidence, "i", DUPLICATE_IP, "IP", out);
  }

  private static void report(
      Map<String, List<Vm>> seen,
      Map<String, List<Evidence>> ev,
      String p,
      String code,
      String what,
      List<Finding> out) {
    seen.forEach(
        (k, vms) -> {
          Set<String> distinct = new LinkedHashSet<>();
          vms.forEach(v -> distinct.add(v.id()));
          if (distinct.size() > 1) {
            for (Vm vm : vms) {
              out.add(
                  Flags.flag(
                      Severity.ERROR,
                      code,
                      what
                          + " "
                          + k.substring(k.indexOf('|') + 1)
                          + " is used by "
                          + distinct.size()
                          + " VMs in network "
                          + k.substring(0, k.indexOf('|'))
                          + ": "
                          + distinct,
                      vm.id(),
                      vm.hostKey(),
                      "replies go to whichever VM answered ARP last",
                      ev.get(p + k)));
            }
          }
        });
  }

  private static void twoHosts(Topology t, List<Finding> out) {
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        Set<String> hosts = new LinkedHashSet<>();
        List<Evidence> ev = new ArrayList<>();
        for (Host h : t.hosts()) {
          h.bridges().stream()
              .flatMap(b -> b.ports().stream())
              .filter(p -> p.name().equals("tap" + port.deviceId()))
              .findFirst()
              .ifPresent(
                  p -> {
                    hosts.add(h.name());
                    ev.addAll(p.evidence());
                  });
        }
        if (hosts.size() > 1) {
          out.add(
              Flags.flag(
                  Severity.ERROR,
                  VM_ON_TWO_HOSTS,
                  "tap"
                      + port.deviceId()
                      + " of "
                      + Flags.name(vm)
                      + " exists on "
                      + hosts.size()
                      + " hosts: "
                      + hosts,
                  vm.id(),
                  vm.hostKey(),
                  "a failed migration left the VM plugged on its old host; clean the stale devices there",
                  ev));
        }
      }
    }
  }
}
