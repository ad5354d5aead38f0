-- The firmware catalog: signing keys of accounts, root metadata as uploaded, resumable uploads,
-- revisions with their signatures, simulator reports and releases. One SQL text for H2
-- (PostgreSQL mode) and PostgreSQL. Times are epoch milliseconds, as in V1.
-- Artifacts themselves live on disk, content-addressed by SHA-256 (see ArtifactStore); the tables
-- only name them.

-- Ed25519 public keys registered by accounts; a keyid belongs to one account only.
CREATE TABLE catalog_keys (
    keyid         VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL REFERENCES owners (id) ON DELETE CASCADE,
    public_key    VARCHAR(64)  NOT NULL,
    label         VARCHAR(200) NOT NULL,
    registered_at BIGINT       NOT NULL
);
CREATE INDEX catalog_keys_owner ON catalog_keys (owner_id, keyid);

-- Every root the hub has trusted, by version; the newest is handed to enrolling devices.
-- The envelope is kept as uploaded: its signatures cover its canonical form.
CREATE TABLE catalog_roots (
    version     INTEGER     NOT NULL PRIMARY KEY,
    envelope    TEXT        NOT NULL,
    expires_at  BIGINT      NOT NULL,
    uploaded_by VARCHAR(64),
    uploaded_at BIGINT      NOT NULL
);

-- An upload in progress: the bytes received so far are the length of its part file on disk.
-- One open upload per account and artifact, so an interrupted push finds its upload again.
CREATE TABLE catalog_uploads (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64) NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    size       BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL,
    CONSTRAINT catalog_uploads_once UNIQUE (owner_id, sha256)
);

-- A submitted revision. envelope_rev counts the changes to the envelope (signatures appended),
-- so two approvals at once never overwrite each other (optimistic concurrency).
CREATE TABLE catalog_revisions (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    version      VARCHAR(128) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    envelope     TEXT         NOT NULL,
    envelope_rev INTEGER      NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    size         BIGINT       NOT NULL,
    changelog    TEXT         NOT NULL,
    author_keyid VARCHAR(64)  NOT NULL,
    submitted_by VARCHAR(64)  NOT NULL,
    submitted_at BIGINT       NOT NULL,
    CONSTRAINT catalog_revisions_release UNIQUE (name, kind, version)
);
CREATE INDEX catalog_revisions_line ON catalog_revisions (name, kind);
CREATE INDEX catalog_revisions_status ON catalog_revisions (status, submitted_at);

CREATE TABLE catalog_revision_profiles (
    revision_id VARCHAR(64)  NOT NULL REFERENCES catalog_revisions (id) ON DELETE CASCADE,
    profile     VARCHAR(128) NOT NULL,
    PRIMARY KEY (revision_id, profile)
);
CREATE INDEX catalog_revision_profiles_profile ON catalog_revision_profiles (profile, revision_id);

-- Who signed, with which key, as author or approval (the envelope holds the signatures).
CREATE TABLE catalog_signatures (
    revision_id VARCHAR(64) NOT NULL REFERENCES catalog_revisions (id) ON DELETE CASCADE,
    keyid       VARCHAR(64) NOT NULL,
    owner_id    VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    signed_at   BIGINT      NOT NULL,
    PRIMARY KEY (revision_id, keyid)
);

-- One simulator run per program, profile and injected fault (fault NULL: default parameters).
CREATE TABLE catalog_reports (
    revision_id VARCHAR(64)  NOT NULL REFERENCES catalog_revisions (id) ON DELETE CASCADE,
    seq         INTEGER      NOT NULL,
    profile     VARCHAR(128) NOT NULL,
    program     VARCHAR(64)  NOT NULL,
    fault       VARCHAR(64),
    passed      BOOLEAN      NOT NULL,
    json        TEXT         NOT NULL,
    PRIMARY KEY (revision_id, seq)
);

CREATE TABLE catalog_releases (
    revision_id VARCHAR(64) NOT NULL REFERENCES catalog_revisions (id) ON DELETE CASCADE,
    channel     VARCHAR(16) NOT NULL,
    released_by VARCHAR(64) NOT NULL,
    released_at BIGINT      NOT NULL,
    PRIMARY KEY (revision_id, channel)
);
CREATE INDEX catalog_releases_channel ON catalog_releases (channel, revision_id);
