-- vmflow's own facts, scoped by Spring Batch job instance so a restarted run overwrites
-- what its failed attempt left instead of duplicating it.

CREATE TABLE catalog_entry (
    instance_id  BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    origin       VARCHAR(4000) NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    artifact     VARCHAR(16)   NOT NULL,
    spec         VARCHAR(64),
    host         VARCHAR(255)  NOT NULL,
    subject      VARCHAR(1000) NOT NULL,
    command      VARCHAR(4000) NOT NULL,
    first_line   INT           NOT NULL,
    content_path VARCHAR(4000) NOT NULL,
    PRIMARY KEY (instance_id, seq)
);

CREATE TABLE fact (
    instance_id BIGINT      NOT NULL,
    entry_seq   INT         NOT NULL,
    spec        VARCHAR(64) NOT NULL,
    body        TEXT        NOT NULL,
    PRIMARY KEY (instance_id, entry_seq)
);

CREATE TABLE finding (
    instance_id BIGINT        NOT NULL,
    stage       VARCHAR(32)   NOT NULL,
    seq         INT           NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    category    VARCHAR(16)   NOT NULL,
    code        VARCHAR(64)   NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    origin      VARCHAR(4000) NOT NULL,
    line_no     INT           NOT NULL,
    vm_id       VARCHAR(255)  NOT NULL,
    host_key    VARCHAR(255)  NOT NULL,
    hint        VARCHAR(4000) NOT NULL,
    evidence    TEXT          NOT NULL,
    PRIMARY KEY (instance_id, stage, seq)
);

-- one JSON document per stage result (topology, pings) and instance
CREATE TABLE stage_result (
    instance_id BIGINT      NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    body        TEXT        NOT NULL,
    PRIMARY KEY (instance_id, kind)
);
