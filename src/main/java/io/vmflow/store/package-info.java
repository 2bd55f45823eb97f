/**
 * Persistence of the catalog, parsed facts, findings and stage results in the job's database (H2
 * file by default), keyed by Spring Batch job instance so restarts overwrite instead of duplicate.
 */
package io.vmflow.store;
