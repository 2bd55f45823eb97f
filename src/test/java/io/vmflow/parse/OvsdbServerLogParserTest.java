package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ovsdb-server.log: starts and errors with their time; a healthy server's WARNs are no event. */
class OvsdbServerLogParserTest {

  private static Parsed<OvsdbServerLog> parse(String name) {
    return new OvsdbServerLogParser()
        .parse(Fixtures.file(Spec.OVSDB_SERVER_LOG, "ovsdb_server_log", name, ""));
  }

  @Test
  void docSampleIsOneStartWithItsVersion() {
    Parsed<OvsdbServerLog> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(OvsdbServerLog.Kind.START);
              assertThat(e.version()).isEqualTo("2.4.0");
              assertThat(e.time()).isEqualTo(Instant.parse("2017-03-12T11:56:54.989Z"));
              assertThat(e.line()).isEqualTo(1);
            });
  }

  @Test
  void aReopenedLogAndClientResetsAreNoEvents() {
    Parsed<OvsdbServerLog> p = parse("hotsos_healthy.txt");
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().events()).isEmpty();
  }

  @Test
  void errLinesAreErrorsWithTheirTimeAndLine() {
    OvsdbServerLog log = parse("kubeovn_disk_full.txt").value().orElseThrow();
    assertThat(log.of(OvsdbServerLog.Kind.START)).isEmpty();
    assertThat(log.of(OvsdbServerLog.Kind.ERROR))
        .hasSize(2)
        .first()
        .satisfies(
            e -> {
              assertThat(e.module()).isEqualTo("raft");
              assertThat(e.text()).startsWith("I/O error").contains("No space left on device");
              assertThat(e.time()).isEqualTo(Instant.parse("2022-10-13T01:51:01.325Z"));
              assertThat(e.line()).isEqualTo(4);
            });
  }

  @Test
  void aRealRestartIsTwoStartsWithTheirVersionAndAFailedStartAnError() {
    OvsdbServerLog log = parse("lab_two_starts.txt").value().orElseThrow();
    assertThat(log.events())
        .extracting(OvsdbServerLog.LogEvent::kind)
        .containsExactly(OvsdbServerLog.Kind.START, OvsdbServerLog.Kind.START);
    assertThat(log.events()).extracting(OvsdbServerLog.LogEvent::version).containsOnly("3.1.0");
    assertThat(log.events()).extracting(OvsdbServerLog.LogEvent::line).containsExactly(1, 4);
    OvsdbServerLog failed = parse("lab_failed_start.txt").value().orElseThrow();
    assertThat(failed.of(OvsdbServerLog.Kind.ERROR))
        .singleElement()
        .satisfies(e -> assertThat(e.text()).contains("binding failed"));
  }

  @Test
  void boundsAreKeptAndSaid() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LogBounds.MAX_EVENTS + 3; i++) {
      lines.add(
          "2022-10-13T01:51:01.325Z|%05d|raft|ERR|I/O error %s"
              .formatted(i + 2, i == 0 ? "x".repeat(LogBounds.MAX_LINE) : ""));
    }
    Parsed<OvsdbServerLog> p =
        new OvsdbServerLogParser().parse(new SourceText(Spec.OVSDB_SERVER_LOG, "db.log", lines));
    assertThat(p.value().orElseThrow().events()).hasSize(LogBounds.MAX_EVENTS);
    assertThat(p.value().orElseThrow().dropped()).isEqualTo(3);
    assertThat(p.value().orElseThrow().events().get(0).line()).isEqualTo(4);
    assertThat(p.findings())
        .extracting(Finding::code)
        .containsExactly(LogBounds.LOG_LINES_CUT, LogBounds.LOG_EVENTS_CAPPED);
  }

  @Test
  void onlyTheNewestLinesAreRead() {
    List<String> lines = new ArrayList<>();
    lines.add("2022-10-13T01:51:01.325Z|00002|raft|ERR|the oldest error, beyond the bound");
    for (int i = 0; i < LogBounds.MAX_LINES; i++) {
      lines.add("2022-10-13T01:51:02Z|00003|memory|INFO|cells:816");
    }
    Parsed<OvsdbServerLog> p =
        new OvsdbServerLogParser().parse(new SourceText(Spec.OVSDB_SERVER_LOG, "db.log", lines));
    assertThat(p.value().orElseThrow().events()).isEmpty();
    assertThat(p.findings()).extracting(Finding::code).containsExactly(LogBounds.LOG_LINES_CAPPED);
  }
}
