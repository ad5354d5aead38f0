-- The hub's schema, one SQL text for H2 (PostgreSQL mode) and PostgreSQL.
-- Times are epoch milliseconds (BIGINT): device clocks arrive as millis, comparisons are plain
-- integer comparisons, and no time zone setting of either database can shift them.
-- Hot tables (telemetry, events, state) carry no foreign keys: only authenticated devices reach
-- them, and a foreign key check per sample would cost more than it protects.

CREATE TABLE owners (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT owners_email_unique UNIQUE (email)
);

CREATE TABLE owner_roles (
    owner_id VARCHAR(64) NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (owner_id, role)
);

-- Sessions by the hash of their bearer token: a stolen database does not hand out sessions.
CREATE TABLE sessions (
    token_hash VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64)  NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX sessions_owner ON sessions (owner_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE devices (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    hardware_id      VARCHAR(128) NOT NULL,
    profile          VARCHAR(128) NOT NULL,
    owner_id         VARCHAR(64)  REFERENCES owners (id),
    state            VARCHAR(16)  NOT NULL,
    claim_code       VARCHAR(64)  NOT NULL,
    name             VARCHAR(200),
    channel          VARCHAR(16)  NOT NULL,
    presence         VARCHAR(16)  NOT NULL,
    -- device time of the status that set presence: an older, redelivered status must not win
    presence_at      BIGINT,
    last_seen        BIGINT,
    agent_version    VARCHAR(64),
    firmware_name    VARCHAR(128),
    firmware_version VARCHAR(64),
    created_at       BIGINT       NOT NULL,
    claimed_at       BIGINT,
    CONSTRAINT devices_claim_code_unique UNIQUE (claim_code)
);
CREATE INDEX devices_owner ON devices (owner_id, id);
CREATE INDEX devices_state ON devices (state, id);

-- Hashes of the secrets issued at claim; kept apart so listing devices never reads them.
CREATE TABLE device_credentials (
    device_id     VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES devices (id),
    password_hash VARCHAR(512) NOT NULL,
    psk_hash      VARCHAR(512),
    issued_at     BIGINT       NOT NULL
);

-- Claim codes an owner issues for a device to present once at enrollment.
CREATE TABLE claim_codes (
    code       VARCHAR(64) NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64) NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT
);

-- Raw samples, narrow: one row per channel value. No key: a redelivered batch is stopped at
-- telemetry_batches, and a key over (device, channel, ts) would only cost on every insert.
-- The series index serves range queries, latest values and per-series purges.
CREATE TABLE telemetry_samples (
    device_id VARCHAR(64)      NOT NULL,
    channel   VARCHAR(64)      NOT NULL,
    ts        BIGINT           NOT NULL,
    val       DOUBLE PRECISION NOT NULL
);
CREATE INDEX telemetry_samples_series ON telemetry_samples (device_id, channel, ts);

-- One row per telemetry message: redeliveries are recognised by (device, seq), gaps found from
-- missing seqs. first_ts/last_ts are the device times the batch covers (received_at when empty).
CREATE TABLE telemetry_batches (
    device_id    VARCHAR(64) NOT NULL,
    seq          BIGINT      NOT NULL,
    received_at  BIGINT      NOT NULL,
    dropped      BIGINT      NOT NULL,
    sample_count INTEGER     NOT NULL,
    first_ts     BIGINT      NOT NULL,
    last_ts      BIGINT      NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE INDEX telemetry_batches_time ON telemetry_batches (device_id, first_ts);
CREATE INDEX telemetry_batches_purge ON telemetry_batches (first_ts);

-- Minute aggregates, written by the downsampler; minute_ts is the minute's first millisecond.
CREATE TABLE telemetry_minutes (
    device_id    VARCHAR(64)      NOT NULL,
    channel      VARCHAR(64)      NOT NULL,
    minute_ts    BIGINT           NOT NULL,
    min_val      DOUBLE PRECISION NOT NULL,
    max_val      DOUBLE PRECISION NOT NULL,
    avg_val      DOUBLE PRECISION NOT NULL,
    sample_count BIGINT           NOT NULL,
    PRIMARY KEY (device_id, channel, minute_ts)
);
CREATE INDEX telemetry_minutes_purge ON telemetry_minutes (minute_ts);

-- The newest sample of every channel of every device: the dashboard's tiles without touching
-- the raw table, and the list of series for downsampling and purging.
CREATE TABLE telemetry_latest (
    device_id VARCHAR(64)      NOT NULL,
    channel   VARCHAR(64)      NOT NULL,
    ts        BIGINT           NOT NULL,
    val       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (device_id, channel)
);

CREATE TABLE events (
    device_id   VARCHAR(64)   NOT NULL,
    seq         BIGINT        NOT NULL,
    ts          BIGINT        NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    json        TEXT          NOT NULL,
    received_at BIGINT        NOT NULL,
    PRIMARY KEY (device_id, seq)
);

CREATE TABLE device_state (
    device_id VARCHAR(64) NOT NULL PRIMARY KEY,
    seq       BIGINT      NOT NULL,
    ts        BIGINT      NOT NULL,
    json      TEXT        NOT NULL
);

CREATE TABLE commands (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    device_id    VARCHAR(64)  NOT NULL REFERENCES devices (id),
    name         VARCHAR(64)  NOT NULL,
    args_json    TEXT         NOT NULL,
    requested_by VARCHAR(64),
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    message      VARCHAR(2000),
    updated_at   BIGINT       NOT NULL
);
CREATE INDEX commands_device ON commands (device_id, created_at, id);
CREATE INDEX commands_waiting ON commands (status, expires_at);

-- open_rule is the rule while the alert is open and NULL once cleared: the unique constraint
-- then admits one open alert per device and rule and any number of cleared ones (H2 has no
-- partial indexes, and both databases let NULLs repeat in a unique constraint).
CREATE TABLE alerts (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    device_id  VARCHAR(64)   NOT NULL REFERENCES devices (id),
    rule       VARCHAR(64)   NOT NULL,
    severity   VARCHAR(16)   NOT NULL,
    message    VARCHAR(2000) NOT NULL,
    raised_at  BIGINT        NOT NULL,
    cleared_at BIGINT,
    open_rule  VARCHAR(64),
    CONSTRAINT alerts_open_once UNIQUE (device_id, open_rule)
);
CREATE INDEX alerts_device ON alerts (device_id, raised_at, id);
