package io.vmflow.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A one-host hybrid-plug lab in network namespaces: a {@code vfc-…-h} "hypervisor" namespace with
 * its own ovsdb-server and ovs-vswitchd (run and database folders under a temporary folder,
 * userspace {@code netdev} datapath: this kernel has no OVS module), br-int, and per VM a namespace
 * holding the guest end of {@code tap} → {@code qbr} → {@code qvb} ⇄ {@code qvo} → br-int with a
 * VLAN tag. Everything it creates it removes in {@link #close()}; it kills only the daemons whose
 * pid files it wrote.
 */
final class NamespaceLab implements AutoCloseable {

  /** A VM as neutron would have plugged it: device names from the port UUID. */
  record Vm(String name, String uuid, String portId, String mac, String ip) {
    String id() {
      return portId.substring(0, 11);
    }

    String ns(NamespaceLab lab) {
      return lab.prefix + "-" + name;
    }
  }

  final String prefix;
  final String host;
  final Path ovs;
  private final List<String> namespaces = new ArrayList<>();

  NamespaceLab(Path tmp) throws IOException {
    this.prefix =
        "vfc-"
            + Long.toHexString(ProcessHandle.current().pid())
            + Long.toHexString(System.nanoTime() & 0xfff);
    this.host = prefix + "-h";
    this.ovs = Files.createDirectories(tmp.resolve("ovs"));
  }

  /** Environment that points the OVS tools at this lab's private daemons. */
  Map<String, String> ovsEnv() {
    return Map.of(
        "OVS_RUNDIR", ovs.toString(), "OVS_DBDIR", ovs.toString(), "OVS_LOGDIR", ovs.toString());
  }

  /** Runs a command inside the host namespace with the lab's OVS environment. */
  List<String> inHost() {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", host, "env"));
    ovsEnv().forEach((k, v) -> c.add(k + "=" + v));
    return c;
  }

  void start() throws Exception {
    netns(host);
    String db = ovs.resolve("conf.db").toString();
    sh("ovsdb-tool", "create", db, "/usr/share/openvswitch/vswitch.ovsschema");
    host(
        "ovsdb-server",
        db,
        "--remote=punix:" + ovs.resolve("db.sock"),
        "--pidfile=" + ovs.resolve("ovsdb-server.pid"),
        "--log-file=" + ovs.resolve("ovsdb-server.log"),
        "--detach");
    host("ovs-vsctl", "--no-wait", "init");
    host(
        "ovs-vswitchd",
        "--pidfile=" + ovs.resolve("ovs-vswitchd.pid"),
        "--log-file=" + ovs.resolve("ovs-vswitchd.log"),
        "--detach",
        "unix:" + ovs.resolve("db.sock"));
    host("ovs-vsctl", "add-br", "br-int", "--", "set", "bridge", "br-int", "datapath_type=netdev");
    host("ip", "link", "set", "lo", "up");
  }

  /** Brings br-int's own device up once every port is on it (as the OVS agent leaves it). */
  void up() throws Exception {
    host("ip", "link", "set", "br-int", "up");
  }

  /** Plugs a VM the OpenStack hybrid way, in VLAN {@code tag} of br-int. */
  void plug(Vm vm, int tag) throws Exception {
    String ns = vm.ns(this);
    String id = vm.id();
    netns(ns);
    sh("ip", "-n", ns, "link", "set", "lo", "up");
    sh(
        "ip",
        "-n",
        host,
        "link",
        "add",
        "tap" + id,
        "type",
        "veth",
        "peer",
        "name",
        "eth0",
        "netns",
        ns);
    sh("ip", "-n", ns, "link", "set", "eth0", "address", vm.mac());
    sh("ip", "-n", ns, "addr", "add", vm.ip() + "/24", "dev", "eth0");
    sh("ip", "-n", ns, "link", "set", "eth0", "up");
    // libvirt gives the tap the guest MAC with fe: in front; vmflow checks that pairing
    sh("ip", "-n", host, "link", "set", "tap" + id, "address", "fe" + vm.mac().substring(2));
    sh("ip", "-n", host, "link", "add", "qbr" + id, "type", "bridge");
    sh("ip", "-n", host, "link", "add", "qvb" + id, "type", "veth", "peer", "name", "qvo" + id);
    sh("ip", "-n", host, "link", "set", "tap" + id, "master", "qbr" + id);
    sh("ip", "-n", host, "link", "set", "qvb" + id, "master", "qbr" + id);
    for (String d : List.of("tap", "qbr", "qvb", "qvo")) {
      sh("ip", "-n", host, "link", "set", d + id, "up");
    }
    host(
        "ovs-vsctl",
        "add-port",
        "br-int",
        "qvo" + id,
        "tag=" + tag,
        "--",
        "set",
        "Interface",
        "qvo" + id,
        "external_ids:iface-id=" + vm.portId(),
        "external_ids:attached-mac=" + vm.mac(),
        "external_ids:vm-uuid=" + vm.uuid(),
        "external_ids:iface-status=active");
  }

  String ping(Vm from, String to, int count) throws Exception {
    return sh(
        "ip",
        "netns",
        "exec",
        from.ns(this),
        "ping",
        "-n",
        "-c",
        String.valueOf(count),
        "-i",
        "0.2",
        "-W",
        "1",
        to);
  }

  void host(String... cmd) throws Exception {
    List<String> c = inHost();
    c.addAll(List.of(cmd));
    sh(c.toArray(String[]::new));
  }

  private void netns(String name) throws Exception {
    sh("ip", "netns", "add", name);
    namespaces.add(name);
  }

  static String sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + out);
    }
    return out;
  }

  @Override
  public void close() {
    for (String daemon : List.of("ovs-vswitchd", "ovsdb-server")) {
      Path pid = ovs.resolve(daemon + ".pid");
      try {
        if (Files.exists(pid)) {
          long p = Long.parseLong(Files.readString(pid).trim());
          ProcessHandle.of(p)
              .filter(h -> h.info().command().map(c -> c.endsWith(daemon)).orElse(false))
              .ifPresent(
                  h -> {
                    h.destroy();
                    h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
                  });
        }
      } catch (IOException | NumberFormatException e) {
        // a daemon that never wrote its pid file never started
      }
    }
    List<String> lastFirst = new ArrayList<>(namespaces);
    java.util.Collections.reverse(lastFirst);
    for (String ns : lastFirst) {
      try {
        sh("ip", "netns", "del", ns);
      } catch (Exception e) {
        // already gone; nothing else of ours to remove
      }
    }
  }
}
