package io.vmflow.job;

import java.nio.file.Path;

/**
 * What an analysis run ended with, for the CLI's summary line and exit status.
 *
 * @param completed false when the job itself failed (a bug or an I/O failure, not a finding)
 * @param index the report's index.html, when rendered
 * @param read how many inputs were readable, and what was skipped and why
 */
public record AnalyzeOutcome(
    boolean completed,
    String status,
    Path index,
    int hosts,
    int vms,
    int errors,
    int warnings,
    int infos,
    long instanceId,
    Readability read) {}
