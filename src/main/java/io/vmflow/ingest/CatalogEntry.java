package io.vmflow.ingest;

import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One artifact found in the inputs, with where it came from and what it is.
 *
 * @param origin chain of origin: {@code incident.tgz!/sosreport-c7.tar.xz!/sos_commands/...}; for a
 *     command cut from a terminal transcript, the transcript's origin
 * @param sha256 hex digest of the content, which names the spooled copy
 * @param spec detected output kind, empty for captures and unrecognised text
 * @param host host the artifact belongs to (sos {@code hostname}, prompt host, archive name), ""
 *     when unknown
 * @param subject object of a per-object command ({@code br-int}), "" when none
 * @param command the command line that produced it when known ({@code ovs-ofctl show br-int |grep
 *     1c65}), else ""
 * @param firstLine 1-based line in {@code origin} where the content starts (transcripts), else 1
 * @param content the spooled copy inside the output folder; the catalog owns it, readers open and
 *     close their own streams
 */
public record CatalogEntry(
    String origin,
    long size,
    String sha256,
    ArtifactType type,
    Optional<Spec> spec,
    String host,
    String subject,
    String command,
    int firstLine,
    Path content) {

  public CatalogEntry {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(type, "type");
    spec = spec == null ? Optional.empty() : spec;
    host = host == null ? "" : host;
    subject = subject == null ? "" : subject;
    command = command == null ? "" : command;
    Objects.requireNonNull(content, "content");
  }
}
