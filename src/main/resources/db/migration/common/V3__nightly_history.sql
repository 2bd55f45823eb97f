-- Nightly history: which bundles were analysed in which run, and each VM's state and findings
-- per run, kept across runs so "what changed since yesterday" is a query.

CREATE TABLE nightly_run (
    run_id       BIGINT       NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP    NOT NULL,
    finished_at  TIMESTAMP,
    bundles_done INT          NOT NULL
);

-- one row per distinct bundle content; a renamed copy has the same sha256 and is not redone
CREATE TABLE nightly_bundle (
    sha256      VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(1000) NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    run_id      BIGINT        NOT NULL,
    instance_id BIGINT,
    report_dir  VARCHAR(4000) NOT NULL,
    message     VARCHAR(4000) NOT NULL
);

CREATE TABLE vm_state (
    run_id        BIGINT       NOT NULL,
    bundle_sha256 VARCHAR(64)  NOT NULL,
    vm_id         VARCHAR(255) NOT NULL,
    vm_name       VARCHAR(255) NOT NULL,
    host          VARCHAR(255) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    errors        INT          NOT NULL,
    warnings      INT          NOT NULL,
    ping_requests BIGINT       NOT NULL,
    ping_answered BIGINT       NOT NULL,
    report_page   VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, bundle_sha256, vm_id)
);

CREATE TABLE vm_finding (
    run_id        BIGINT        NOT NULL,
    bundle_sha256 VARCHAR(64)   NOT NULL,
    vm_id         VARCHAR(255)  NOT NULL,
    finding_key   VARCHAR(1000) NOT NULL,
    code          VARCHAR(64)   NOT NULL,
    severity      VARCHAR(16)   NOT NULL,
    message       VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, bundle_sha256, vm_id, finding_key)
);
