package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The output folder: one vmflow at a time, never read as input, no pile-up over reruns. */
class OutputFolderTest {

  private static final Path SEED = Path.of("samples/seed-fusionsphere/terminal-session.txt");

  @TempDir Path tmp;

  private record Result(int exit, String err) {}

  private static Result run(String... args) {
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Result(VmflowMain.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
    }
  }

  private static JsonNode report(Path out) throws Exception {
    return JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void secondVmflowOnTheSameFolderIsToldWhoHoldsItAndAStaleLockIsTakenOver() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out/.vmflow")).getParent();
    try (FileChannel ch =
        FileChannel.open(
            out.resolve(".vmflow/lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("vmflow pid 4242, started earlier\n".getBytes()), 0);
      FileLock held = ch.lock();
      Result busy = run("analyze", SEED.toString(), "-o", out.toString());
      assertThat(busy.exit()).isEqualTo(2);
      assertThat(busy.err())
          .contains("is in use by vmflow pid 4242")
          .doesNotContain("Exception")
          .hasLineCount(1);
      held.release();
    }
    // the lock file still names pid 4242, but nobody holds the lock: a killed run's leftover
    Result next = run("analyze", SEED.toString(), "-o", out.toString());
    assertThat(next.exit()).isIn(0, 1);
    assertThat(out.resolve("report.json")).exists();
  }

  @Test
  void outputInsideTheInputIsNotReadOnTheNextRun() throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.copy(SEED, bundle.resolve("terminal-session.txt"));
    Path out = bundle.resolve("report");
    int first = run("analyze", bundle.toString(), "-o", out.toString()).exit();
    int vms = report(out).get("vms").size();
    int second = run("analyze", bundle.toString(), "-o", out.toString()).exit();
    assertThat(second).isEqualTo(first);
    assertThat(report(out).get("vms").size()).isEqualTo(vms);
    List<String> codes = new ArrayList<>();
    report(out).get("findings").forEach(f -> codes.add(f.get("code").asString()));
    assertThat(codes).contains("INPUT_OWN_OUTPUT_SKIPPED").doesNotContain("VM_ON_TWO_HOSTS");
  }

  private static List<Integer> rowCounts(Path out) throws Exception {
    List<Integer> n = new ArrayList<>();
    try (java.sql.Connection c =
        java.sql.DriverManager.getConnection(
            "jdbc:h2:file:" + out.resolve(".vmflow").resolve("vmflow"), "sa", "")) {
      for (String table :
          List.of("catalog_entry", "fact", "finding", "stage_result", "BATCH_JOB_INSTANCE")) {
        try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          n.add(rs.getInt(1));
        }
      }
    }
    return n;
  }

  @Test
  void jobDatabaseDoesNotGrowWithReruns() throws Exception {
    Path out = tmp.resolve("out");
    Path db = out.resolve(".vmflow/vmflow.mv.db");
    run("analyze", SEED.toString(), "-o", out.toString());
    List<Integer> afterOne = rowCounts(out);
    long sizeAfterOne = Files.size(db);
    for (int i = 0; i < 4; i++) {
      run("analyze", SEED.toString(), "-o", out.toString());
    }
    assertThat(rowCounts(out)).as("catalog, facts, findings, job instances").isEqualTo(afterOne);
    long sizeAfterFive = Files.size(db);
    for (int i = 0; i < 5; i++) {
      run("analyze", SEED.toString(), "-o", out.toString());
    }
    assertThat(rowCounts(out)).as("after ten runs").isEqualTo(afterOne);
    // H2 keeps superseded pages until its background writer compacts (later on a loaded machine:
    // 72 KiB more was seen at load 15), but the file stops growing: ten runs take no more room than
    // five, within a few dozen pages
    assertThat(Files.size(db))
        .isLessThanOrEqualTo(sizeAfterFive + (128 << 10))
        .isLessThanOrEqualTo(sizeAfterOne + (256 << 10));
    try (var s = Files.list(out.resolve(".vmflow"))) {
      assertThat(s.map(p -> p.getFileName().toString())).doesNotContain("render-new", "render-old");
    }
  }
}
