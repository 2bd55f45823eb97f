package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and damaged archives, built from bytes: each becomes a finding, the walk goes on. */
class IngestorSafetyTest {

  private static final String VSCTL =
      "    Bridge br-int\n        Port \"qvo81e4a23a-40\"\n            tag: 1\n            Interface \"qvo81e4a23a-40\"\n";

  @TempDir Path tmp;

  private final List<CatalogEntry> entries = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  private void ingest(Path... inputs) {
    new Ingestor(IngestLimits.defaults(), tmp.resolve("out/.vmflow/work"))
        .ingest(
            Arrays.asList(inputs),
            new IngestSink() {
              @Override
              public void entry(CatalogEntry entry) {
                entries.add(entry);
              }

              @Override
              public void finding(Finding finding) {
                findings.add(finding);
              }
            });
  }

  private List<String> codes() {
    return findings.stream().map(Finding::code).toList();
  }

  /** Nothing may exist outside the input and the output folder. */
  private void assertNothingOutside(Path... inputs) throws Exception {
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(
              all.filter(
                  p ->
                      !p.equals(tmp)
                          && !p.startsWith(tmp.resolve("out"))
                          && Arrays.stream(inputs).noneMatch(p::startsWith)))
          .isEmpty();
    }
    assertThat(tmp.getParent().resolve("evil")).doesNotExist();
    assertThat(Path.of("/tmp/evil-vmflow")).doesNotExist();
  }

  @Test
  void pathTraversalInTarAndZipIsSkippedWithFindings() throws Exception {
    Path tar = tmp.resolve("in.tar");
    Files.write(
        tar,
        new Archives.Tar()
            .file("../../evil", "x")
            .file("/tmp/evil-vmflow", "x")
            .file("ok/ovs-vsctl_-t_5_show", VSCTL)
            .bytes());
    Path zip = tmp.resolve("in.zip");
    Files.write(
        zip,
        Archives.zip(
            new String[] {"../evil", "..\\..\\evil", "sub/brctl_show"},
            new String[] {"x", "x", "bridge name\tbridge id\tSTP enabled\tinterfaces\n"}));
    ingest(tar, zip);
    assertThat(codes()).filteredOn(IngestCodes.PATH_TRAVERSAL::equals).hasSize(4);
    assertThat(entries)
        .extracting(CatalogEntry::origin)
        .containsExactly("in.tar!/ok/ovs-vsctl_-t_5_show", "in.zip!/sub/brctl_show");
    assertThat(entries.get(0).spec()).contains(Spec.OVS_VSCTL_SHOW);
    assertNothingOutside(tar, zip);
  }

  @Test
  void linksAreNeverFollowedAndEscapingOnesAreFlagged() throws Exception {
    Path tar = tmp.resolve("links.tar");
    Files.write(
        tar,
        new Archives.Tar()
            .link("sos/etc_passwd", "/etc/passwd", TarConstants.LF_SYMLINK)
            .link("sos/up", "../../../evil", TarConstants.LF_LINK)
            .link("sos/hostname", "sos_commands/host/hostname", TarConstants.LF_SYMLINK)
            .fifo("sos/pipe")
            .bytes());
    ingest(tar);
    assertThat(codes())
        .containsExactlyInAnyOrder(
            IngestCodes.LINK_OUTSIDE,
            IngestCodes.LINK_OUTSIDE,
            IngestCodes.LINK_SKIPPED,
            IngestCodes.SPECIAL_FILE);
    assertThat(entries).isEmpty();
    assertNothingOutside(tar);
  }

  @Test
  void fourGibZeroEntryIsRefusedWithinSeconds() throws Exception {
    Path bomb = tmp.resolve("bomb.tar.gz");
    try (OutputStream out = Files.newOutputStream(bomb)) {
      Archives.zeroBomb(out, 4);
    }
    assertThat(Files.size(bomb)).isLessThan(8L << 20);
    long start = System.nanoTime();
    ingest(bomb);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(codes()).containsAnyOf(IngestCodes.BOMB_RATIO, IngestCodes.BOMB_NESTED);
    assertThat(seconds).as("refused early").isLessThan(30);
    long spooled;
    try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
      spooled = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertThat(spooled).as("never written out whole").isLessThan(512L << 20);
  }

  @Test
  void truncatedTarGzKeepsTheEntriesBeforeTheDamage() throws Exception {
    byte[] tar =
        new Archives.Tar()
            .file("a/ovs-vsctl_-t_5_show", VSCTL)
            .file("a/brctl_show", "x\n".repeat(2000))
            .file("a/hostname", "c7\n")
            .bytes();
    byte[] gz = Archives.gzip(tar);
    Path cut = tmp.resolve("cut.tar.gz");
    // cut inside the second entry: the first is whole before the damage
    Files.write(cut, Arrays.copyOf(gz, gz.length - 60));
    ingest(cut);
    assertThat(codes()).contains(IngestCodes.TRUNCATED);
    assertThat(entries)
        .extracting(CatalogEntry::origin)
        .contains("cut.tar.gz!/a/ovs-vsctl_-t_5_show");
  }

  @Test
  void nestedSosreportsGetTheirOwnHosts() throws Exception {
    byte[] sos1 =
        Archives.xz(
            new Archives.Tar()
                .file(
                    "sosreport-compute1-2024-01-01-aaaaaaa/sos_commands/openvswitch/ovs-vsctl_-t_5_show",
                    VSCTL)
                .file(
                    "sosreport-compute1-2024-01-01-aaaaaaa/sos_commands/host/hostname",
                    "compute-1.example\n")
                .bytes());
    byte[] sos2 =
        Archives.xz(
            new Archives.Tar()
                .file(
                    "sosreport-c2-2024-01-01-bbbbbbb/sos_commands/openvswitch/ovs-vsctl_-t_5_show",
                    VSCTL)
                .bytes());
    String transcript =
        "ctl01:~ # nova list --all-tenants\n| ID | Name | Status | Task State | Power State | Networks |\n";
    Path incident = tmp.resolve("incident.tgz");
    Files.write(
        incident,
        Archives.gzip(
            new Archives.Tar()
                .file("sosreport-compute1.tar.xz", sos1)
                .file("deep/sosreport-c2.tar.xz", sos2)
                .file("controller/session.log", transcript)
                .file("empty.txt", "")
                .bytes()));
    ingest(incident);
    assertThat(entries)
        .extracting(CatalogEntry::origin, CatalogEntry::host)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "incident.tgz!/sosreport-compute1.tar.xz!/sosreport-compute1-2024-01-01-aaaaaaa/sos_commands/openvswitch/ovs-vsctl_-t_5_show",
                "compute-1.example"),
            org.assertj.core.groups.Tuple.tuple(
                "incident.tgz!/deep/sosreport-c2.tar.xz!/sosreport-c2-2024-01-01-bbbbbbb/sos_commands/openvswitch/ovs-vsctl_-t_5_show",
                "c2"),
            org.assertj.core.groups.Tuple.tuple("incident.tgz!/controller/session.log", "ctl01"));
    assertThat(codes()).contains(IngestCodes.EMPTY);
  }

  @Test
  void sameContentTwiceIsSpooledOnceAndNonUtf8NamesSurvive() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bundle"));
    Files.writeString(dir.resolve("out1.txt"), VSCTL);
    Files.writeString(dir.resolve("copy-of-out1.txt"), VSCTL);
    Files.write(
        dir.resolve("latin1.txt"),
        "bridge name\tbridge id\tSTP enabled\tinterfaces\nqbr\u00e9 8000.4e62113fce3a no tap1\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    ingest(dir);
    assertThat(entries).hasSize(3);
    assertThat(entries.stream().map(CatalogEntry::sha256).distinct()).hasSize(2);
    try (Stream<Path> s = Files.list(tmp.resolve("out/.vmflow/work/entries"))) {
      assertThat(s.count()).isEqualTo(2);
    }
    assertThat(entries)
        .filteredOn(e -> e.origin().endsWith("out1.txt"))
        .allSatisfy(e -> assertThat(e.spec()).contains(Spec.OVS_VSCTL_SHOW));
    assertThat(entries)
        .filteredOn(e -> e.origin().endsWith("latin1.txt"))
        .singleElement()
        .satisfies(e -> assertThat(e.spec()).contains(Spec.BRCTL_SHOW));
  }

  @Test
  void archivesNestedTooDeepStop() throws Exception {
    byte[] inner =
        new Archives.Tar()
            .file("x/brctl_show", "bridge name\tbridge id\tSTP enabled\tinterfaces\n")
            .bytes();
    for (int i = 0; i < 10; i++) {
      inner = Archives.gzip(new Archives.Tar().file("level" + i + ".tar.gz", inner).bytes());
    }
    Path deep = tmp.resolve("deep.tar.gz");
    Files.write(deep, inner);
    ingest(deep);
    assertThat(codes()).contains(IngestCodes.TOO_DEEP);
  }
}
