-- Nightly across a fleet: a collection analysed by a remote worker carries that worker (host:pid)
-- and its heartbeat on its claim. A claim whose worker stopped beating for the stale time is taken
-- over by another worker; the run_id stays the manager's run, so the history is one run per night.
ALTER TABLE nightly_bundle ADD COLUMN worker VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE nightly_bundle ADD COLUMN worker_heartbeat_at TIMESTAMP;
