package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;

/** The parse step's item after processing: one catalog entry's record and findings. */
record ParsedArtifact(
    int entrySeq, Spec spec, Optional<ParsedRecord> value, List<Finding> findings) {}
