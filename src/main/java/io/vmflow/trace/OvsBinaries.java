package io.vmflow.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Open vSwitch programs a replica needs, found on the PATH (and in the sbin folders). */
record OvsBinaries(
    Path ovsdbTool,
    Path ovsdbServer,
    Path vswitchd,
    Path vsctl,
    Path ofctl,
    Path appctl,
    Path schema) {

  static final List<String> NAMES =
      List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-ofctl", "ovs-appctl");

  static Optional<OvsBinaries> find() {
    List<Path> found = new ArrayList<>();
    for (String name : NAMES) {
      Optional<Path> p = onPath(name);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      found.add(p.get());
    }
    Path schema = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    Path sibling =
        found
            .get(0)
            .toAbsolutePath()
            .getParent()
            .resolveSibling("share/openvswitch/vswitch.ovsschema");
    if (Files.isReadable(sibling)) {
      schema = sibling;
    }
    if (!Files.isReadable(schema)) {
      return Optional.empty();
    }
    return Optional.of(
        new OvsBinaries(
            found.get(0),
            found.get(1),
            found.get(2),
            found.get(3),
            found.get(4),
            found.get(5),
            schema));
  }

  private static Optional<Path> onPath(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"));
    return dirs.stream()
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
