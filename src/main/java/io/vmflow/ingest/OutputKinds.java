package io.vmflow.ingest;

import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;

/**
 * The one detection of a command output's kind, used by ingest for every text entry and by {@code
 * vmflow parse} for a single file: the sos-style file name first ({@link BundleLayout}), then the
 * content ({@link KindSniffer}).
 */
public final class OutputKinds {

  private OutputKinds() {}

  /** The kind of the output stored at {@code path} whose first lines are {@code head}. */
  public static Optional<Spec> detect(String path, List<String> head) {
    return BundleLayout.match(path).map(BundleLayout.Match::spec).or(() -> KindSniffer.sniff(head));
  }

  /** The per-object subject a sos-style file name carries ({@code ovs-ofctl_show_br-int}). */
  public static String subject(String path) {
    return BundleLayout.match(path).map(BundleLayout.Match::subject).orElse("");
  }
}
