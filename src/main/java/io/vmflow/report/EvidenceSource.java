package io.vmflow.report;

import java.nio.file.Path;

/**
 * A file the report cites: its origin as evidence names it, and its spooled copy to show.
 *
 * @param content the spooled copy inside the output folder; read line by line, never whole
 */
public record EvidenceSource(String origin, Path content) {}
