package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code vmflow parse} tells each real output's kind from its content alone (file names hidden). */
class KindDetectionTest {

  static Stream<Arguments> realFiles() throws IOException {
    return Stream.of(
            folder("brctl_show", Spec.BRCTL_SHOW),
            folder("ovs_vsctl_show", Spec.OVS_VSCTL_SHOW),
            folder("ovs_appctl_fdb_show", Spec.OVS_APPCTL_FDB_SHOW),
            folder("ovs_ofctl_dump_flows", Spec.OVS_OFCTL_DUMP_FLOWS),
            folder("ovs_dpctl_show", Spec.OVS_DPCTL_SHOW),
            folder("ovs_ofctl_show", Spec.OVS_OFCTL_SHOW))
        .flatMap(s -> s);
  }

  private static Stream<Arguments> folder(String name, Spec expected) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", name))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      return list.stream().map(p -> Arguments.of(p.getFileName().toString(), p, expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void detectsKindFromContent(String name, Path file, Spec expected) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.stream().allMatch(l -> l.isBlank() || l.trim().toLowerCase().startsWith("port  vlan"))) {
      return; // a header-only fdb dump has no rows to tell by: nothing to detect
    }
    assertThat(KindDetection.detect(Path.of("out1.txt"), lines)).contains(expected);
  }
}
