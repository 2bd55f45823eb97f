/**
 * The command line (picocli): {@code analyze}, {@code parse}, {@code pings}. Parses arguments,
 * starts the Spring context only where a job runs, prints results and sets the exit status.
 */
package io.vmflow.cli;
