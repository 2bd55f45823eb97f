package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab samples through nightly: a collection copied in as loose tarballs is analysed as one (the
 * reply drop is found on lab-vm1), and two collections sharing VM ids in one inbox are not mixed.
 */
class NightlySamplesTest {

  static final String VM1 = "11111111-aaaa-4bbb-8ccc-000000000001";
  private static final Path LAB_DROP = Path.of("samples/lab-reply-drop");
  private static final List<String> STATUSES = List.of("OK", "ERROR", "WARNING", "NO_DATA");

  @TempDir Path tmp;

  @Test
  void looseHostAndControllerTarballsOfOneCollectionShowTheReplyDrop() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (String f : List.of("compute-a.tar.gz", "compute-b.tar.gz", "controller.tar.gz")) {
      Files.copy(LAB_DROP.resolve(f), inbox.resolve(f));
    }
    JsonNode report = nightly(inbox, tmp.resolve("out"));
    assertReplyDropOnVm1(report);
  }

  @Test
  void theReadmeRecipeTheCollectorsOwnTarballsCopiedLooseShowTheReplyDrop() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    // as `cp vmflow-*.tar.gz inbox/` leaves them: each collector tarball a file of its own
    int n = 0;
    for (String host : List.of("compute-a.tar.gz", "compute-b.tar.gz")) {
      for (var inner : innerTarballs(LAB_DROP.resolve(host))) {
        String name = inner.name().replace(".tar.gz", "-" + n++ + ".tar.gz");
        Files.write(inbox.resolve(name), inner.bytes());
      }
    }
    Files.copy(LAB_DROP.resolve("controller.tar.gz"), inbox.resolve("controller.tar.gz"));
    JsonNode report = nightly(inbox, tmp.resolve("out"));
    assertReplyDropOnVm1(report);
    assertThat(report.get("bundles").get(0).get("rule").asString())
        .startsWith("time:")
        .contains("controller.tar.gz")
        .contains("vmflow-compute-b-20261125T132148Z-4.tar.gz");
  }

  @Test
  void twoCollectionsOfTheSameHostsCopiedLooseAMinuteApartAreTwoCollections() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (String s : List.of("lab-healthy", "lab-reply-drop")) {
      for (String f : List.of("compute-a.tar.gz", "compute-b.tar.gz", "controller.tar.gz")) {
        Files.copy(Path.of("samples", s, f), inbox.resolve(s + "-" + f));
      }
    }
    JsonNode report = nightly(inbox, tmp.resolve("out"));
    assertThat(report.get("bundles")).hasSize(2);
    for (JsonNode b : report.get("bundles")) {
      String prefix =
          b.get("rule").asString().contains("lab-healthy") ? "lab-healthy-" : "lab-reply-drop-";
      assertThat(b.get("rule").asString())
          .as("each collection holds its own three files")
          .contains(prefix + "compute-a", prefix + "compute-b", prefix + "controller")
          .doesNotContain(prefix.equals("lab-healthy-") ? "lab-reply-drop" : "lab-healthy");
    }
    for (JsonNode v : report.get("vms")) {
      boolean vm1 = v.get("vmId").asString().equals(VM1);
      assertThat(v.get("status").asString()).isEqualTo(vm1 ? "ERROR" : "OK");
      assertThat(v.get("others")).hasSize(1);
      assertThat(v.get("others").get(0).get("status").asString()).isEqualTo("OK");
    }
  }

  @Test
  void allSamplesAtOnceNeitherMixNorDisagree() throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (String d : List.of("lab-healthy", "lab-reply-drop", "seed-fusionsphere")) {
      copyTree(Path.of("samples", d), inbox.resolve(d));
    }
    Files.copy(
        Path.of("samples/sosreport-compute4.tar.xz"), inbox.resolve("sosreport-compute4.tar.xz"));
    Path out = tmp.resolve("out");
    JsonNode report = nightly(inbox, out);

    assertThat(report.get("bundles")).hasSize(4);
    report.get("bundles").forEach(b -> assertThat(b.get("status").asString()).isEqualTo("DONE"));
    // both lab collections hold the same three VMs: each VM is shown once, as the newest
    // collection (reply-drop, collected 22 s later) saw it, with a link to the other
    List<JsonNode> lab = new ArrayList<>();
    for (JsonNode v : report.get("vms")) {
      if (v.get("vmId").asString().endsWith("-000000000001")
          || v.get("vmId").asString().endsWith("-000000000002")
          || v.get("vmId").asString().endsWith("-000000000003")) {
        lab.add(v);
      }
    }
    assertThat(lab).hasSize(3);
    for (JsonNode v : lab) {
      assertThat(v.get("collection").asString()).isEqualTo("lab-reply-drop");
      assertThat(v.get("others")).hasSize(1);
      JsonNode healthy = v.get("others").get(0);
      assertThat(healthy.get("collection").asString()).isEqualTo("lab-healthy");
      assertThat(healthy.get("status").asString()).isEqualTo("OK");
      assertThat(healthy.get("pingAnswered").asLong()).isPositive();
      boolean vm1 = v.get("vmId").asString().equals(VM1);
      assertThat(v.get("status").asString()).isEqualTo(vm1 ? "ERROR" : "OK");
      assertThat(severities(v.get("newFindings")).contains("ERROR")).isEqualTo(vm1);
    }
    // the invariant, over every row: status and current findings never disagree
    for (JsonNode v : report.get("vms")) {
      List<String> current = severities(v.get("newFindings"));
      current.addAll(severities(v.get("open")));
      String expected =
          current.contains("ERROR")
              ? "ERROR"
              : current.contains("WARNING") ? "WARNING" : "OK|NO_DATA";
      assertThat(v.get("status").asString())
          .as("status of %s with findings %s", v.get("vmId"), current)
          .matches(expected);
    }
    String junit = Files.readString(out.resolve("nightly-junit.xml"));
    assertThat(junit).contains("failures=\"1\"");
    for (String s : STATUSES) {
      assertThat(junit).doesNotContain("type=\"" + s + "\"");
    }
  }

  private static void assertReplyDropOnVm1(JsonNode report) {
    assertThat(report.get("bundles")).hasSize(1);
    JsonNode b = report.get("bundles").get(0);
    assertThat(b.get("status").asString()).isEqualTo("DONE");
    assertThat(b.get("rule").asString()).startsWith("time:");
    for (JsonNode v : report.get("vms")) {
      boolean vm1 = v.get("vmId").asString().equals(VM1);
      assertThat(v.get("status").asString()).as(v.toString()).isEqualTo(vm1 ? "ERROR" : "OK");
      if (vm1) {
        assertThat(codes(v.get("newFindings"))).contains("PING_LOSS_LOCALISED");
        assertThat(v.get("pingAnswered").asLong()).isLessThan(v.get("pingRequests").asLong());
      }
    }
    assertThat(report.get("vms")).hasSize(3);
  }

  static JsonNode nightly(Path inbox, Path out, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString()));
    args.addAll(List.of(extra));
    int exit = VmflowMain.run(args.toArray(String[]::new));
    assertThat(exit).isIn(0, 1);
    return JsonMapper.builder().build().readTree(out.resolve("nightly.json").toFile());
  }

  private static List<String> codes(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("code").asString()));
    return out;
  }

  private static List<String> severities(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("severity").asString()));
    return out;
  }

  record Inner(String name, byte[] bytes) {}

  static List<Inner> innerTarballs(Path outer) throws Exception {
    List<Inner> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(outer);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.isFile() && e.getName().endsWith(".tar.gz")) {
          out.add(new Inner(Path.of(e.getName()).getFileName().toString(), tar.readAllBytes()));
        }
      }
    }
    return out;
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
