package io.vmflow.ingest;

/**
 * What an entry's bytes are, sniffed from the bytes themselves. Unknown is a value, not an error.
 */
public enum ArtifactType {
  TEXT,
  CAPTURE,
  ARCHIVE,
  UNKNOWN
}
