package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ingest.CollectManifest;
import io.vmflow.ingest.ManifestProbe;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How loose inbox files are grouped: by the case id a responder gave, else by collection time. */
class NightlyCollectionsTest {

  private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

  private static NightlyCollections.Loose file(
      String name, String host, Instant at, String caseId, boolean given) {
    CollectManifest m =
        new CollectManifest(
            host,
            Optional.of(at),
            "",
            "vmflow-collect",
            "host",
            caseId,
            given,
            List.of(),
            List.of());
    return new NightlyCollections.Loose(
        Path.of("/inbox", name), new ManifestProbe.Probe(List.of(m), Optional.empty(), false), T);
  }

  // a controller tarball made by hand: no manifest, its entries' time only
  private static NightlyCollections.Loose bare(String name, Instant entries) {
    return new NightlyCollections.Loose(
        Path.of("/inbox", name),
        new ManifestProbe.Probe(List.of(), Optional.of(entries), false),
        T.plusSeconds(86_400));
  }

  private static List<List<String>> names(List<NightlyCollections.Collection> cs) {
    return cs.stream()
        .map(c -> c.paths().stream().map(p -> p.getFileName().toString()).toList())
        .toList();
  }

  @Test
  void givenCaseIdsGroupAcrossHostsAndTimeAndAControllerWithoutOneJoinsByTime() {
    var cs =
        NightlyCollections.group(
            List.of(
                file("a1.tar.gz", "compute-a", T, "inc-1", true),
                file("b1.tar.gz", "compute-b", T.plusSeconds(3 * 3600), "inc-1", true),
                file("a2.tar.gz", "compute-a", T.plusSeconds(60), "inc-2", true),
                bare("ctl.tar.gz", T.plusSeconds(3 * 3600 + 600))));
    assertThat(names(cs))
        .containsExactlyInAnyOrder(
            List.of("a1.tar.gz", "b1.tar.gz", "ctl.tar.gz"), List.of("a2.tar.gz"));
    var inc1 = cs.stream().filter(c -> c.name().equals("inc-1")).findFirst().orElseThrow();
    assertThat(inc1.rule()).isEqualTo("case");
    assertThat(inc1.members())
        .anySatisfy(
            m -> {
              assertThat(m.path().getFileName()).hasToString("ctl.tar.gz");
              assertThat(m.rule()).contains("no case id").contains("case inc-1");
            });
  }

  @Test
  void withoutGivenIdsFilesWithinTheWindowOfTheFirstAreOneCollectionAndTwoNightsAreTwo() {
    var cs =
        NightlyCollections.group(
            List.of(
                file("a-night1.tar.gz", "compute-a", T, "compute-a-x-1", false),
                file("b-night1.tar.gz", "compute-b", T.plusSeconds(300), "compute-b-x-2", false),
                bare("ctl-night1.tar.gz", T.plusSeconds(29 * 60)),
                file("a-night2.tar.gz", "compute-a", T.plusSeconds(86_400), "", false),
                bare("ctl-night2.tar.gz", T.plusSeconds(86_400 + 120))));
    assertThat(names(cs))
        .containsExactly(
            List.of("a-night1.tar.gz", "b-night1.tar.gz", "ctl-night1.tar.gz"),
            List.of("a-night2.tar.gz", "ctl-night2.tar.gz"));
    assertThat(cs).allSatisfy(c -> assertThat(c.rule()).isEqualTo("time"));
    assertThat(cs.get(0).name()).isEqualTo("loose-20261125T020000Z");
    assertThat(cs.get(0).members().get(2).rule()).contains("within 30 min of 20261125T020000Z");
  }

  @Test
  void aSecondDumpOfAHostWithinTheWindowStartsTheNextCollectionButASecondCaptureDoesNot() {
    var cs =
        NightlyCollections.group(
            List.of(
                file("a-1.tar.gz", "compute-a", T, "", false),
                capture("a-vm1.tar.gz", "compute-a", T.plusSeconds(5)),
                capture("a-vm2.tar.gz", "compute-a", T.plusSeconds(5)),
                bare("ctl-1.tar.gz", T.plusSeconds(16)),
                file("a-2.tar.gz", "compute-a", T.plusSeconds(22), "", false),
                bare("ctl-2.tar.gz", T.plusSeconds(37))));
    assertThat(names(cs))
        .containsExactly(
            List.of("a-1.tar.gz", "a-vm1.tar.gz", "a-vm2.tar.gz", "ctl-1.tar.gz"),
            List.of("a-2.tar.gz", "ctl-2.tar.gz"));
  }

  private static NightlyCollections.Loose capture(String name, String host, Instant at) {
    CollectManifest m =
        new CollectManifest(
            host,
            Optional.of(at),
            "",
            "vmflow-collect",
            "capture",
            "",
            false,
            List.of(),
            List.of());
    return new NightlyCollections.Loose(
        Path.of("/inbox", name), new ManifestProbe.Probe(List.of(m), Optional.empty(), false), T);
  }

  @Test
  void aFileJustOutsideTheWindowStartsTheNextCollection() {
    var cs =
        NightlyCollections.group(
            List.of(
                file("a.tar.gz", "compute-a", T, "", false),
                bare("ctl.tar.gz", T.plus(NightlyCollections.WINDOW).plusSeconds(1))));
    assertThat(names(cs)).containsExactly(List.of("a.tar.gz"), List.of("ctl.tar.gz"));
  }
}
