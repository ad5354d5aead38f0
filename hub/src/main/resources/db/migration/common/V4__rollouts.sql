-- Rollouts: a released revision offered, group by group, to the devices of its profiles whose
-- owners opted in to its channel. One SQL text for H2 (PostgreSQL mode) and PostgreSQL; times are
-- epoch milliseconds, as in V1.
-- No foreign keys to devices or owners: a device may be removed while a rollout remembers it, and
-- the member rows are written at device-event rates.

-- The release is copied in at creation (manifest envelope, artifact, profiles): a rollout resumes
-- after a restart from these rows alone, whatever became of the catalog entry meanwhile.
-- row_version counts changes of status and current group (optimistic concurrency between the
-- engine and maintainers); lease_holder/lease_until say which hub instance steps it now.
CREATE TABLE rollouts (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    revision_id       VARCHAR(64)   NOT NULL,
    release_name      VARCHAR(64)   NOT NULL,
    release_kind      VARCHAR(16)   NOT NULL,
    release_version   VARCHAR(128)  NOT NULL,
    profiles          VARCHAR(2000) NOT NULL,
    artifact_sha256   VARCHAR(64)   NOT NULL,
    manifest          TEXT          NOT NULL,
    channel           VARCHAR(16)   NOT NULL,
    success_threshold INTEGER       NOT NULL,
    error_threshold   INTEGER       NOT NULL,
    window_start      VARCHAR(5),
    window_end        VARCHAR(5),
    status            VARCHAR(24)   NOT NULL,
    current_group     INTEGER       NOT NULL,
    reason_code       VARCHAR(32),
    reason_detail     VARCHAR(2000),
    reason_at         BIGINT,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        BIGINT        NOT NULL,
    updated_at        BIGINT        NOT NULL,
    row_version       BIGINT        NOT NULL,
    lease_holder      VARCHAR(128),
    lease_until       BIGINT
);
CREATE INDEX rollouts_status ON rollouts (status, id);
CREATE INDEX rollouts_created ON rollouts (created_at, id);

-- The ordered groups. measure is PERCENT (cumulative share of the target) or SIZE (devices);
-- failures_accepted is how many failures a maintainer accepted by resuming after a pause.
CREATE TABLE rollout_groups (
    rollout_id        VARCHAR(64) NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    idx               INTEGER     NOT NULL,
    measure           VARCHAR(8)  NOT NULL,
    amount            INTEGER     NOT NULL,
    needs_approval    BOOLEAN     NOT NULL,
    opened_at         BIGINT,
    approved_by       VARCHAR(64),
    failures_accepted INTEGER     NOT NULL,
    PRIMARY KEY (rollout_id, idx)
);

-- One row per device taken into a rollout: its group and where its update stands. offer_id is
-- NULL until the first offer; the unique index admits any number of NULLs on both databases.
CREATE TABLE rollout_devices (
    rollout_id    VARCHAR(64)   NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    device_id     VARCHAR(64)   NOT NULL,
    owner_id      VARCHAR(64),
    group_idx     INTEGER       NOT NULL,
    state         VARCHAR(24)   NOT NULL,
    reason        VARCHAR(64),
    detail        VARCHAR(2000),
    progress      DOUBLE PRECISION,
    from_version  VARCHAR(128),
    offer_id      VARCHAR(64),
    attempt       INTEGER       NOT NULL,
    offered_at    BIGINT,
    offer_expires BIGINT,
    delivered_at  BIGINT,
    joined_at     BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (rollout_id, device_id),
    CONSTRAINT rollout_devices_offer_once UNIQUE (offer_id)
);
CREATE INDEX rollout_devices_state ON rollout_devices (rollout_id, state, group_idx);
CREATE INDEX rollout_devices_device ON rollout_devices (device_id, joined_at);
CREATE INDEX rollout_devices_expiry ON rollout_devices (state, offer_expires);
