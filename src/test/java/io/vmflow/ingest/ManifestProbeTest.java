package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe finds collector manifests in nested tarballs (the lab samples) without unpacking. */
class ManifestProbeTest {

  private static final Path LAB = Path.of("samples/lab-reply-drop");

  @Test
  void findsTheManifestsOfAHostsTarballOfTarballs() {
    ManifestProbe.Probe p = ManifestProbe.probe(LAB.resolve("compute-a.tar.gz"));
    assertThat(p.truncated()).isFalse();
    assertThat(p.manifests())
        .hasSize(3)
        .allSatisfy(m -> assertThat(m.host()).isEqualTo("compute-a"));
    assertThat(p.manifests()).extracting(CollectManifest::mode).contains("capture", "host");
    assertThat(p.collectedAt()).contains(Instant.parse("2026-11-25T13:21:34Z"));
    assertThat(p.givenCase()).isEmpty();
  }

  @Test
  void aTarballWithoutManifestIsTimedByItsNewestEntry() {
    ManifestProbe.Probe p = ManifestProbe.probe(LAB.resolve("controller.tar.gz"));
    assertThat(p.manifests()).isEmpty();
    assertThat(p.collectedAt())
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .isBetween(
                        Instant.parse("2026-11-25T13:00:00Z"),
                        Instant.parse("2026-11-25T14:00:00Z")));
  }

  @Test
  void aHalfCopiedTarballIsTruncated(@TempDir Path tmp) throws Exception {
    byte[] whole = Files.readAllBytes(LAB.resolve("compute-a.tar.gz"));
    Path half = Files.write(tmp.resolve("half.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
    assertThat(ManifestProbe.probe(half).truncated()).isTrue();
  }

  @Test
  void aGivenCaseIdIsRead() {
    CollectManifest m =
        CollectManifest.parse(
            java.util.List.of(
                "# vmflow-collect manifest\t1",
                "host\tcompute-a",
                "case\tinc-4711",
                "case_source\tgiven",
                "command\toutput\texit\tduration_ms\tnote"));
    ManifestProbe.Probe p =
        new ManifestProbe.Probe(java.util.List.of(m), java.util.Optional.empty(), false);
    assertThat(p.givenCase()).contains("inc-4711");
    CollectManifest generated =
        CollectManifest.parse(
            java.util.List.of(
                "# vmflow-collect manifest\t1", "case\tcompute-a-x-1", "case_source\tgenerated"));
    assertThat(generated.caseId()).isEqualTo("compute-a-x-1");
    assertThat(
            new ManifestProbe.Probe(java.util.List.of(generated), java.util.Optional.empty(), false)
                .givenCase())
        .isEmpty();
  }
}
