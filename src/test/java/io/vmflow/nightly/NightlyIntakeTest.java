package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What nightly takes from its inbox: settled bundles only, never its own output, no half copy. */
class NightlyIntakeTest {

  @TempDir Path tmp;

  private static void age(Path p) throws Exception {
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    try (var s = Files.walk(p)) {
      for (Path f : s.toList()) {
        Files.setLastModifiedTime(f, old);
      }
    }
  }

  private static List<String> rows(Path out, String sql) throws Exception {
    List<String> r = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + out.resolve(".vmflow").resolve("nightly"), "sa", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        r.add(rs.getString(1));
      }
    }
    return r;
  }

  @Test
  void onlySettledBundlesAreTakenAndTheOutputInsideTheInboxIsNot() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    age(SeedVariants.healthy(inbox, "settled", "a"));
    SeedVariants.healthy(inbox, "still-copying", "b");
    Path part = SeedVariants.healthy(inbox, "upload.tar.gz.part", "c");
    age(part);
    Path out = inbox.resolve("nightly-out");

    for (int i = 0; i < 2; i++) {
      int exit = VmflowMain.run("nightly", "--inbox", inbox.toString(), "-o", out.toString());
      assertThat(exit).isIn(0, 1);
    }

    assertThat(rows(out, "SELECT name FROM nightly_bundle")).containsExactly("settled");
  }

  @Test
  void truncatedArchiveIsRetriedNotDoneUntilItStopsChanging() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    byte[] seed = Files.readAllBytes(Path.of("samples/seed-fusionsphere/terminal-session.txt"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(gz))) {
      TarArchiveEntry e = new TarArchiveEntry("b/terminal-session.txt");
      e.setSize(seed.length);
      tar.putArchiveEntry(e);
      tar.write(seed);
      tar.closeArchiveEntry();
    }
    byte[] whole = gz.toByteArray();
    Path bundle = inbox.resolve("b.tar.gz");
    Files.write(bundle, Arrays.copyOf(whole, whole.length / 2));
    age(bundle);
    Path out = tmp.resolve("out");
    String[] args = {"nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString()};

    VmflowMain.run(args);
    assertThat(rows(out, "SELECT status FROM nightly_bundle")).containsExactly("RETRY");

    VmflowMain.run(args);
    assertThat(rows(out, "SELECT status FROM nightly_bundle"))
        .as("same content twice: the truncation is what the bundle is")
        .containsExactly("DONE");
    assertThat(rows(out, "SELECT COUNT(*) FROM nightly_run WHERE finished_at IS NULL"))
        .containsExactly("0");
    assertThat(new String(whole, 0, 2, StandardCharsets.ISO_8859_1)).isNotEmpty();
  }

  @Test
  void aHalfCopiedTarballStillChangingIsLeftWaitingAndSaidSoNotFailed() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    byte[] whole = Files.readAllBytes(Path.of("samples/lab-reply-drop/compute-a.tar.gz"));
    Path copying = inbox.resolve("compute-a.tar.gz");
    Files.write(copying, Arrays.copyOf(whole, whole.length / 2)); // modified just now
    Path ignored = inbox.resolve("compute-b.tar.gz.partial");
    Files.write(ignored, whole);
    age(ignored);
    Path out = tmp.resolve("out");
    String[] args = {
      "nightly", "--settle", "30", "--inbox", inbox.toString(), "-o", out.toString()
    };

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int exit = run(stdout, args);

    assertThat(exit).as("nothing failed").isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("0 collections analysed, 0 failed")
        .contains("1 still changing");
    var report =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(out.resolve("nightly.json").toFile());
    assertThat(report.get("bundles")).hasSize(1);
    assertThat(report.get("bundles").get(0).get("name").asString()).isEqualTo("compute-a.tar.gz");
    assertThat(report.get("bundles").get(0).get("status").asString()).isEqualTo("WAITING");
    assertThat(report.get("bundles").get(0).get("message").asString())
        .contains("perhaps still being copied");
    assertThat(Files.readString(out.resolve("nightly.html"))).contains("WAITING");
    assertThat(rows(out, "SELECT status FROM nightly_bundle")).isEmpty();

    Files.write(copying, whole); // the copy completes
    age(copying);
    exit = run(new ByteArrayOutputStream(), args);
    assertThat(exit).isIn(0, 1);
    assertThat(rows(out, "SELECT status FROM nightly_bundle")).containsExactly("DONE");
    assertThat(rows(out, "SELECT name FROM nightly_bundle")).containsExactly("compute-a.tar.gz");
  }

  private static int run(ByteArrayOutputStream stdout, String... args) {
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      return VmflowMain.run(args);
    } finally {
      System.setOut(old);
    }
  }
}
