/**
 * Walks every input (folders, archives nested to any depth, transcripts) as a stream, sniffs each
 * entry's type from its bytes, spools it once by content hash into the work folder and emits one
 * {@link io.vmflow.ingest.CatalogEntry} per artifact with its output kind ({@link
 * io.vmflow.ingest.OutputKinds}: sos file name, else content; transcripts split per command).
 * {@link io.vmflow.ingest.ArtifactText} reads a spooled text back for a parser. Hostile input
 * becomes findings; nothing is written outside the work folder.
 */
package io.vmflow.ingest;
