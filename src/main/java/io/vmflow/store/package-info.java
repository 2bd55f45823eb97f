/**
 * Persistence of the catalog, parsed facts, findings and stage results in the job's database (H2
 * file by default), keyed by Spring Batch job instance so restarts overwrite instead of duplicate.
 * Facts are stored as JSON ({@link io.vmflow.store.JsonCodec}) and read back as the {@link
 * io.vmflow.parse.ParsedRecord} type their spec's parser declares.
 */
package io.vmflow.store;
