package io.vmflow.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each spec lives in a sosreport (and in bundles written by vmflow-collect, which follow the
 * same naming): sos names a command's output by its command line, {@code /usr/bin/} stripped and
 * other character runs turned into {@code _} ({@code ovs-ofctl show br-int} is {@code
 * sos_commands/openvswitch/ovs-ofctl_show_br-int}). The names are each {@link Spec}'s own ({@link
 * Spec#sosNames()}); the named group {@code s} is the per-object subject.
 */
public final class BundleLayout {

  /** A spec found at a path, with its subject ("" when none). */
  public record Match(Spec spec, String subject) {}

  private record Rule(Spec spec, Pattern pattern) {}

  // each spec's own sos names (Spec#sosNames); they are disjoint, so their order does not matter
  private static final List<Rule> RULES =
      Arrays.stream(Spec.values())
          .flatMap(s -> s.sosNames().stream().map(p -> new Rule(s, p)))
          .toList();

  // outputs sos and vmflow-collect keep for a reader's context (clock, uptime, versions) that
  // vmflow does not analyse: cataloged as evidence, without an "unrecognised" finding
  private static final Pattern CONTEXT =
      Pattern.compile("uptime|ovs-vsctl(_-t_\\d+)?_--version|ovs-vswitchd_--version");

  private BundleLayout() {}

  /** True for a sos file name of an output kept only as context (see {@link #CONTEXT}). */
  public static boolean isContext(String path) {
    return CONTEXT.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  // libvirt's live status of each running domain, which sos and hotsos copy from
  // /run/libvirt/qemu (or /var/run/libvirt/qemu): run/libvirt/qemu/instance-00000001.xml holds
  // the same <domain> virsh dumpxml prints, inside a <domstatus>
  private static final Pattern LIBVIRT_STATUS =
      Pattern.compile("(^|/)(var/)?run/libvirt/qemu/(?<s>[^/]+)\\.xml$");

  // the host's /proc/net/dev as sos copies it (a process's proc/<pid>/net/dev is its namespace's)
  private static final Pattern PROC_NET_DEV = Pattern.compile("(^|/)proc/net/dev$");

  // the DHCP agent's per-network files, which sos copies with /var/lib/neutron/:
  // var/lib/neutron/dhcp/6ee86f5e-5d22-4c00-a2cd-6622ec856e17/host
  private static final Pattern DHCP_HOST =
      Pattern.compile("(^|/)var/lib/neutron/dhcp/(?<s>[^/]+)/host$");

  /**
   * The spec stored at {@code path} (any prefix; only the file name is matched, except for
   * libvirt's status files, /proc/net/dev and the DHCP agent's host files, which are known by their
   * folder).
   */
  public static Optional<Match> match(String path) {
    Matcher status = LIBVIRT_STATUS.matcher(path);
    if (status.find()) {
      return Optional.of(new Match(Spec.VIRSH_DUMPXML, status.group("s")));
    }
    Matcher dhcp = DHCP_HOST.matcher(path);
    if (dhcp.find()) {
      return Optional.of(new Match(Spec.NEUTRON_DHCP_HOST, dhcp.group("s")));
    }
    if (PROC_NET_DEV.matcher(path).find()) {
      return Optional.of(new Match(Spec.PROC_NET_DEV, ""));
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(name);
      if (m.matches()) {
        String subject = r.pattern().pattern().contains("(?<s>") ? m.group("s") : "";
        return Optional.of(new Match(r.spec(), subject));
      }
    }
    return Optional.empty();
  }
}
