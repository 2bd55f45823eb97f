package io.vmflow.cli;

import io.vmflow.ingest.KindSniffer;
import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Detects a file's output kind for {@code vmflow parse}: sos file name first, then content. */
final class KindDetection {

  private KindDetection() {}

  static Optional<Spec> detect(Path file, List<String> lines) {
    return BundleLayout.match(file.toString().replace('\\', '/'))
        .map(BundleLayout.Match::spec)
        .or(() -> KindSniffer.sniff(lines));
  }

  /** The per-object subject a sos-style file name carries ({@code ovs-ofctl_show_br-int}). */
  static String subject(Path file) {
    return BundleLayout.match(file.toString().replace('\\', '/'))
        .map(BundleLayout.Match::subject)
        .orElse("");
  }
}
