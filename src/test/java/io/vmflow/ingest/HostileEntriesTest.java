package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.bench.HostileInputs;
import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad entry costs that entry only: hostile names, bombs, floods and endless lines. */
class HostileEntriesTest {

  private static final String VSCTL =
      "    Bridge br-int\n        Port \"qvo81e4a23a-40\"\n            tag: 1\n            Interface \"qvo81e4a23a-40\"\n";
  private static final String GOOD = "sos/sos_commands/openvswitch/ovs-vsctl_-t_5_show";

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

  private long written() throws IOException {
    try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static byte[] tar(int longFileMode, String... namesAndTexts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(longFileMode);
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        byte[] data = namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(namesAndTexts[i], true);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void longNamesInPaxGnuAndZipAreShortenedWithAFindingAndTheRestIsRead() throws Exception {
    String pax = "d/".repeat(2500) + "brctl_show";
    String gnu = "g".repeat(5000) + "/ovs-vsctl_-t_5_show";
    String zipName = "z".repeat(60_000) + "/ovs-vsctl_-t_5_show";
    Files.write(
        tmp.resolve("pax.tar"),
        tar(TarArchiveOutputStream.LONGFILE_POSIX, pax, VSCTL, GOOD, VSCTL));
    Files.write(
        tmp.resolve("gnu.tar"), tar(TarArchiveOutputStream.LONGFILE_GNU, gnu, VSCTL, GOOD, VSCTL));
    Files.write(
        tmp.resolve("long.zip"),
        Archives.zip(new String[] {zipName, GOOD}, new String[] {VSCTL, VSCTL}));

    ingest(tmp.resolve("pax.tar"), tmp.resolve("gnu.tar"), tmp.resolve("long.zip"));

    assertThat(findings).filteredOn(f -> f.code().equals(IngestCodes.NAME_TOO_LONG)).hasSize(3);
    assertThat(entries).allSatisfy(e -> assertThat(e.origin().length()).isLessThan(1000));
    assertThat(entries)
        .extracting(CatalogEntry::origin)
        .contains("pax.tar!/" + GOOD, "gnu.tar!/" + GOOD, "long.zip!/" + GOOD)
        .anyMatch(o -> o.startsWith("long.zip!/zzz") && o.endsWith("/ovs-vsctl_-t_5_show"));
    // the shortened name keeps its end, so the file is still recognised
    assertThat(entries)
        .filteredOn(e -> e.origin().contains("chars cut"))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.spec()).isPresent());
  }

  @Test
  void controlCharactersInNamesAreEscaped() throws Exception {
    Files.write(
        tmp.resolve("ctl.tar"),
        tar(TarArchiveOutputStream.LONGFILE_POSIX, "a\u001b[31mred\u0007/brctl_show", "x\n"));
    ingest(tmp.resolve("ctl.tar"));
    assertThat(codes()).contains(IngestCodes.NAME_CONTROL_CHARS);
    assertThat(entries)
        .extracting(CatalogEntry::origin)
        .containsExactly("ctl.tar!/a\\x1b[31mred\\x07/brctl_show");
    assertThat(findings)
        .allSatisfy(f -> assertThat(f.message() + f.origin()).doesNotContain("\u001b"));
  }

  @Test
  void zipSymlinkIsALinkNotAFileHoldingItsTarget() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      ZipArchiveEntry link = new ZipArchiveEntry("sos/brctl_show");
      link.setUnixMode(0120777);
      zip.putArchiveEntry(link);
      zip.write("../../../etc/passwd".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      ZipArchiveEntry inside = new ZipArchiveEntry("sos/ovs-vsctl_-t_5_show");
      inside.setUnixMode(0120777);
      zip.putArchiveEntry(inside);
      zip.write("other".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    Files.write(tmp.resolve("links.zip"), bytes.toByteArray());
    ingest(tmp.resolve("links.zip"));
    assertThat(entries).isEmpty();
    assertThat(codes()).containsExactly(IngestCodes.LINK_OUTSIDE, IngestCodes.LINK_SKIPPED);
  }

  @Test
  void nestedZipBombIsCutWithinSecondsAndMegabytes() throws Exception {
    Path bomb = tmp.resolve("nested.zip");
    HostileInputs.nestedZipBomb(bomb, 4, 256);
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    long start = System.nanoTime();
    ingest(bomb);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(codes()).containsAnyOf(IngestCodes.BOMB_NESTED, IngestCodes.BOMB_RATIO);
    assertThat(seconds).isLessThan(15);
    assertThat(written()).as("bytes spooled").isLessThan(32L << 20);
  }

  @Test
  void tinyFilesNothingReadsAreCountedNotSpooledAndListedOnce() throws Exception {
    Path flood = tmp.resolve("flood.tar.gz");
    HostileInputs.tinyFiles(flood, 20_000, GOOD, VSCTL);
    ingest(flood);
    assertThat(entries).extracting(CatalogEntry::origin).containsExactly("flood.tar.gz!/" + GOOD);
    assertThat(findings)
        .filteredOn(f -> f.code().equals(IngestCodes.UNRECOGNISED_TEXT))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("20000 files not read"));
    assertThat(written()).isLessThan(1 << 20);
  }

  @Test
  void lineLongerThanTheCapIsCutWithAFindingAndTheFileStillRead() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("sos/sos_commands/openvswitch"));
    Path file = dir.resolve("ovs-vsctl_-t_5_show");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(VSCTL.getBytes(StandardCharsets.UTF_8));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 64; i++) {
        out.write(chunk);
      }
      out.write("\n    Bridge br-ex\n".getBytes(StandardCharsets.UTF_8));
    }
    ingest(tmp.resolve("sos"));
    assertThat(findings)
        .filteredOn(f -> f.code().equals(IngestCodes.LINE_TOO_LONG))
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(5));
    CatalogEntry e = entries.get(0);
    assertThat(e.spec()).contains(Spec.OVS_VSCTL_SHOW);
    assertThat(e.size()).isLessThan((1 << 20) + 1000);
    assertThat(Files.readString(e.content())).endsWith("    Bridge br-ex\n");
  }

  @Test
  void ownOutputFolderInsideTheInputIsSkippedAndSaid() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("ovs-vsctl_-t_5_show"), VSCTL);
    Path report = Files.createDirectories(in.resolve("report/.vmflow/work/entries"));
    Files.writeString(report.resolve("abc"), VSCTL);
    Files.writeString(in.resolve("report/index.html"), "<html>");
    ingest(in);
    assertThat(entries).extracting(CatalogEntry::origin).containsExactly("in/ovs-vsctl_-t_5_show");
    assertThat(codes()).contains(IngestCodes.OWN_OUTPUT);
  }

  @Test
  void aFloodOfOneFindingIsListedAHundredTimesThenCounted() throws Exception {
    Archives.Tar tar = new Archives.Tar();
    for (int i = 0; i < 300; i++) {
      tar.link(
          "l" + i, "target", org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
    }
    Files.write(tmp.resolve("links.tar"), tar.bytes());
    ingest(tmp.resolve("links.tar"));
    assertThat(findings).filteredOn(f -> f.code().equals(IngestCodes.LINK_SKIPPED)).hasSize(101);
    assertThat(findings.get(findings.size() - 1).message()).startsWith("200 more findings");
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(data);
    }
    return b.toByteArray();
  }
}
