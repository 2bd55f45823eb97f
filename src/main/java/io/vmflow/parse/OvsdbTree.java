package io.vmflow.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable tree {@link OvsVsctlShowParser} fills line by line, then freezes into records. */
final class OvsdbTree {

  String uuid = "";
  private String version = "";
  private final List<BridgeB> bridges = new ArrayList<>();
  private BridgeB bridge;
  private PortB port;
  private IfaceB iface;

  void object(String kind, String name, int line) {
    switch (kind) {
      case "Bridge" -> {
        bridge = new BridgeB(name, line);
        bridges.add(bridge);
        port = null;
        iface = null;
      }
      case "Port" -> {
        port = new PortB(name, line);
        currentBridge().ports.add(port);
        iface = null;
      }
      default -> {
        if (port == null) {
          port = new PortB(name, line);
          currentBridge().ports.add(port);
        }
        iface = new IfaceB(name, line);
        port.ifaces.add(iface);
      }
    }
  }

  void target(String kind, String target) {
    if (kind.equals("Controller") && bridge != null) {
      bridge.controllers.add(target);
    }
  }

  /**
   * Applies {@code key: value} to the innermost open object; false when the value is unreadable.
   */
  boolean key(String key, String value) {
    String v = unquote(value);
    switch (key) {
      case "ovs_version" -> version = v;
      case "fail_mode" -> currentBridge().failMode = v;
      case "datapath_type" -> currentBridge().datapathType = v;
      case "tag" -> {
        if (port == null || !v.matches("\\d{1,4}")) {
          return false;
        }
        port.tag = Integer.parseInt(v);
      }
      case "trunks" -> {
        if (port == null) {
          return false;
        }
        for (String t : v.replaceAll("[\\[\\]]", "").split("[,\\s]+")) {
          if (t.matches("\\d{1,4}")) {
            port.trunks.add(Integer.parseInt(t));
          }
        }
      }
      case "type" -> {
        if (iface != null) {
          iface.type = v;
        }
      }
      case "options" -> {
        if (iface != null) {
          iface.options.putAll(OvsVsctlShowParser.options(value));
        }
      }
      case "error" -> {
        if (iface != null) {
          iface.error = v;
        }
      }
      default -> {
        // is_connected, bond_mode, lacp_status, cfm_*, ... carry nothing vmflow checks
      }
    }
    return true;
  }

  OvsVsctlShow build() {
    List<OvsVsctlShow.OvsBridge> out = new ArrayList<>();
    for (BridgeB b : bridges) {
      List<OvsVsctlShow.OvsPort> ports = new ArrayList<>();
      for (PortB p : b.ports) {
        List<OvsVsctlShow.OvsInterface> ifs =
            p.ifaces.stream()
                .map(i -> new OvsVsctlShow.OvsInterface(i.name, i.type, i.options, i.error, i.line))
                .toList();
        ports.add(new OvsVsctlShow.OvsPort(p.name, p.tag, p.trunks, ifs, p.line));
      }
      out.add(
          new OvsVsctlShow.OvsBridge(
              b.name, b.datapathType, b.failMode, b.controllers, ports, b.line));
    }
    return new OvsVsctlShow(uuid, version, out);
  }

  private BridgeB currentBridge() {
    if (bridge == null) {
      bridge = new BridgeB("", 0);
      bridges.add(bridge);
    }
    return bridge;
  }

  private static String unquote(String v) {
    String t = v.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }

  private static final class BridgeB {
    final String name;
    final int line;
    String failMode = "";
    String datapathType = "";
    final List<String> controllers = new ArrayList<>();
    final List<PortB> ports = new ArrayList<>();

    BridgeB(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  private static final class PortB {
    final String name;
    final int line;
    int tag = -1;
    final List<Integer> trunks = new ArrayList<>();
    final List<IfaceB> ifaces = new ArrayList<>();

    PortB(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  private static final class IfaceB {
    final String name;
    final int line;
    String type = "";
    String error = "";
    final Map<String, String> options = new LinkedHashMap<>();

    IfaceB(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }
}
