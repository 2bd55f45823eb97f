/**
 * The command line (picocli): {@code analyze}, {@code nightly}, {@code parse}, {@code pings}.
 * Parses arguments, starts the Spring context only where a job runs, prints results and sets the
 * exit status. {@code parse} detects and reads a file with ingest's own code ({@link
 * io.vmflow.ingest.OutputKinds}, {@link io.vmflow.ingest.ArtifactText}), as the job does.
 */
package io.vmflow.cli;
