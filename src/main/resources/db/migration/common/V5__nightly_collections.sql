-- Nightly collections: a nightly_bundle row is now one collection (a sub-folder, or loose tarballs
-- grouped by case id or collection time), keyed as before by the sha256 over its files. The row is
-- also the claim: inserted by exactly one run (primary key), taken over only from a dead run.
ALTER TABLE nightly_bundle ADD COLUMN collection VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE nightly_bundle ADD COLUMN grouping_rule VARCHAR(4000) DEFAULT '' NOT NULL;
ALTER TABLE nightly_bundle ADD COLUMN collected_at TIMESTAMP;

-- which process runs a nightly run (host:pid) and when it last said so: a concurrent run is left
-- alone, a dead one is finished by the next run
ALTER TABLE nightly_run ADD COLUMN owner VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE nightly_run ADD COLUMN heartbeat_at TIMESTAMP;
