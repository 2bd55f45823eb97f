package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three nightly runs over an inbox that changes between them — a bundle added, a new fault, the
 * fault fixed — then a run with nothing new. Shared by the H2 and PostgreSQL tests.
 */
final class NightlyHistoryScenario {

  private NightlyHistoryScenario() {}

  static void run(Path tmp, String... dbArgs) throws IOException {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path out = tmp.resolve("out");

    SeedVariants.healthy(inbox, "a-host1", "first collection");
    nightly(inbox, out, dbArgs);
    JsonNode first = vm(read(out));
    assertThat(codes(first.get("newFindings"))).doesNotContain("FDB_WRONG_PORT");
    assertThat(read(out).get("bundles").size()).isEqualTo(1);

    SeedVariants.fdbOnWrongPort(inbox, "b-host1");
    nightly(inbox, out, dbArgs);
    JsonNode second = vm(read(out));
    assertThat(codes(second.get("newFindings"))).contains("FDB_WRONG_PORT");
    assertThat(codes(second.get("resolved"))).isEmpty();
    assertThat(read(out).get("bundles").size()).as("only the new bundle is analysed").isEqualTo(1);

    SeedVariants.healthy(inbox, "c-host1", "after the fix");
    Files.move(inbox.resolve("a-host1"), inbox.resolve("a-host1-renamed"));
    nightly(inbox, out, dbArgs);
    JsonNode third = vm(read(out));
    assertThat(codes(third.get("resolved"))).contains("FDB_WRONG_PORT");
    assertThat(codes(third.get("newFindings"))).doesNotContain("FDB_WRONG_PORT");
    assertThat(codes(third.get("open"))).doesNotContain("FDB_WRONG_PORT");
    assertThat(read(out).get("bundles").size()).as("a renamed copy is not redone").isEqualTo(1);
    long runId = read(out).get("runId").asLong();

    nightly(inbox, out, dbArgs);
    JsonNode again = read(out);
    assertThat(again.get("runId").asLong()).as("nothing new: no new run").isEqualTo(runId);
    assertThat(again.get("bundles").size()).isEqualTo(1);
    try (Stream<Path> dirs = Files.list(out.resolve("bundles"))) {
      assertThat(dirs.count()).as("three bundles, three reports").isEqualTo(3);
    }
    Path junit = out.resolve("nightly-junit.xml");
    assertThat(Files.readString(junit)).contains("<testcase", SeedVariants.VM);
  }

  private static void nightly(Path inbox, Path out, String... dbArgs) {
    List<String> args =
        new ArrayList<>(
            List.of("nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString()));
    args.addAll(List.of(dbArgs));
    int exit = VmflowMain.run(args.toArray(String[]::new));
    assertThat(exit).isIn(0, 1);
  }

  private static JsonNode read(Path out) throws IOException {
    return JsonMapper.builder().build().readTree(out.resolve("nightly.json").toFile());
  }

  private static JsonNode vm(JsonNode report) {
    for (JsonNode v : report.get("vms")) {
      if (v.get("vmId").asString().equals(SeedVariants.VM)) {
        return v;
      }
    }
    throw new AssertionError("VM " + SeedVariants.VM + " not in nightly.json: " + report);
  }

  private static List<String> codes(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("code").asString()));
    return out;
  }
}
