package io.vmflow.cause;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ovs-vswitchd.log events become the host's timeline; restarts a warning. */
class LogEventsTest {

  static Fact log(String file) throws Exception {
    Path p = Path.of("src/test/resources/fixtures/ovs_vswitchd_log", file);
    CommandParser<?> parser = ParserRegistry.parserFor(Spec.OVS_VSWITCHD_LOG).orElseThrow();
    var value =
        parser
            .parse(
                new SourceText(Spec.OVS_VSWITCHD_LOG, p.toString(), 1, "", Files.readAllLines(p)))
            .value()
            .orElseThrow();
    return new Fact("compute-a", Spec.OVS_VSWITCHD_LOG, p.toString(), "", value);
  }

  @Test
  void twoStartsAreARestartWarningAndEveryEventIsOnTheHostTimeline() throws Exception {
    List<Finding> f = LogEvents.of(List.of(log("lab_two_starts.txt")));
    assertThat(f)
        .filteredOn(x -> x.code().equals("OVS_VSWITCHD_RESTARTS"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.hostKey()).isEqualTo("compute-a");
              assertThat(x.message()).contains("started 2 times", "2026-12-01T18:35:55.391Z");
              assertThat(x.evidence()).hasSize(2);
            });
    List<Finding> events = f.stream().filter(x -> x.code().equals("OVS_LOG_EVENT")).toList();
    assertThat(events).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    assertThat(events)
        .first()
        .satisfies(
            x -> {
              assertThat(x.message())
                  .isEqualTo("2026-12-01T18:35:51.506Z ovs-vswitchd started (Open vSwitch 3.1.0)");
              assertThat(x.line()).isEqualTo(1);
            });
    assertThat(events).anyMatch(x -> x.message().contains("could not open network device"));
  }

  @Test
  void aHealthyStartRaisesNothingAboveInfo() throws Exception {
    assertThat(LogEvents.of(List.of(log("doc.txt"))))
        .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO))
        .hasSize(1);
  }
}
