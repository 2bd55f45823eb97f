package io.vmflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Controller mode goes on from the lists to the per-object shows: nova show and interface-list per
 * server of {@code nova list}, neutron port-show per port of {@code neutron port-list}
 * (FusionSphere's alias_id, which names the VM's devices, is only there), each capped by {@code
 * --max-shows}, and only one server's when {@code --vm} is given. Fake clients print real recorded
 * tables.
 */
class CollectControllerShowsTest {

  private static final Path CLI =
      Path.of("src/test/resources/fixtures/openstack_cli").toAbsolutePath();
  private static final Path COLLECT =
      Path.of("src/test/resources/fixtures/collect").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void showsEveryServerAndPortOfTheLists() throws Exception {
    Collector.Run run = collect("controller");
    assertThat(run.exit()).as(run.output()).isZero();
    List<String> entries = Collector.entries(run.tarball());
    assertThat(entries)
        .anyMatch(
            e -> e.endsWith("sos_commands/nova/nova_show_571f622e-8f65-4617-9b39-6a04438f394f"))
        .anyMatch(
            e -> e.endsWith("sos_commands/nova/nova_show_7a8c12da-54b3-4adf-bba5-74df9fd2e907"))
        .anyMatch(
            e ->
                e.endsWith(
                    "sos_commands/nova/nova_interface-list_7a8c12da-54b3-4adf-bba5-74df9fd2e907"))
        .anyMatch(
            e ->
                e.endsWith(
                    "sos_commands/neutron/neutron_port-show_0ba8700e-da06-4318-8fe9-00676dd994b8"))
        .anyMatch(
            e ->
                e.endsWith(
                    "sos_commands/neutron/neutron_port-show_bb60d1bb-0cab-41cb-9678-30d2b2fdb169"));
    // the subnet ids inside fixed_ips are not ports
    assertThat(entries).noneMatch(e -> e.contains("port-show_1a2d26fb"));
    byte[] tar = Collector.tarBytes(run.tarball());
    assertThat(Collector.contains(tar, "cell1:1c65142e-2a4f-4664-b702-2176122a2ea4")).isTrue();
  }

  @Test
  void maxShowsCapsEachKindAndSaysSo() throws Exception {
    Collector.Run run = collect("controller", "--max-shows", "1");
    List<String> entries = Collector.entries(run.tarball());
    assertThat(entries.stream().filter(e -> e.contains("nova_show_")).count()).isEqualTo(1);
    assertThat(entries.stream().filter(e -> e.contains("neutron_port-show_")).count()).isEqualTo(1);
    byte[] tar = Collector.tarBytes(run.tarball());
    assertThat(Collector.contains(tar, "skipped: only the first 1 shown (--max-shows)")).isTrue();
  }

  @Test
  void withVmOnlyThatServerAndItsPorts() throws Exception {
    Collector.Run run = collect("controller", "--vm", "8851611c-b34d-4f90-8670-273fe1e9dec3");
    List<String> entries = Collector.entries(run.tarball());
    assertThat(entries.stream().filter(e -> e.contains("nova_show_")).toList())
        .singleElement()
        .satisfies(e -> assertThat(e).endsWith("nova_show_8851611c-b34d-4f90-8670-273fe1e9dec3"));
    // the port comes from the server's interface-list, not from the port list
    assertThat(entries.stream().filter(e -> e.contains("neutron_port-show_")).toList())
        .singleElement()
        .satisfies(
            e -> assertThat(e).endsWith("neutron_port-show_81e4a23a-4053-40ce-9044-4edbe385b791"));
  }

  @Test
  void caseIdIsAManifestHeaderGivenOrGeneratedPerInvocation() throws Exception {
    Collector.Run given = collect("controller", "--max-shows", "0", "--case", "inc-4711");
    byte[] tar = Collector.tarBytes(given.tarball());
    assertThat(Collector.contains(tar, "\ncase\tinc-4711\ncase_source\tgiven\n")).isTrue();
    Collector.Run generated = collect("controller", "--max-shows", "0");
    tar = Collector.tarBytes(generated.tarball());
    assertThat(Collector.contains(tar, "\ncase_source\tgenerated\n")).isTrue();
    assertThat(Collector.contains(tar, "\ncase\tinc-4711")).isFalse();
  }

  private Collector.Run collect(String... args) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    fake(
        bin,
        "nova",
        """
        case "$1" in
          list) cat %s ;;
          show) echo "| OS-EXT-SRV-ATTR:hypervisor_hostname | compute-$2 |" ;;
          interface-list) cat %s ;;
          *) exit 2 ;;
        esac
        """
            .formatted(
                CLI.resolve("networking-ovn-doc-2015_nova_list.txt"),
                COLLECT.resolve("nova_interface-list_seed.txt")));
    fake(
        bin,
        "neutron",
        """
        case "$1" in
          port-list) cat %s ;;
          port-show) cat %s ;;
          *) exit 2 ;;
        esac
        """
            .formatted(
                CLI.resolve("neutron-devref-2016_neutron_port-list.txt"),
                COLLECT.resolve("neutron_port-show_seed.txt")));
    Path out =
        Files.createDirectories(
            tmp.resolve("out-" + String.join("-", args).replaceAll("[^a-z0-9-]", "")));
    return Collector.run(out, Map.of("PATH", bin + ":/usr/bin:/bin"), List.of(), args);
  }

  private static void fake(Path bin, String name, String body) throws Exception {
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
