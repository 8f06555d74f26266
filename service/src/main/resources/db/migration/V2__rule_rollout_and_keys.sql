-- Rule roll-out: every version of a pack that was uploaded or replaced, what happened to it, who did what,
-- candidates' shadow verdicts beside the live ones, and API keys made by an admin (hashed).

CREATE TABLE pack_versions (
    version_id   VARCHAR(36)  PRIMARY KEY,
    market       VARCHAR(20)  NOT NULL,
    version      VARCHAR(50)  NOT NULL,
    files        TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    problems     TEXT         NOT NULL,
    origin       VARCHAR(20)  NOT NULL,
    note         VARCHAR(1000),
    created_by   VARCHAR(200) NOT NULL,
    created_at   VARCHAR(30)  NOT NULL,
    activated_at VARCHAR(30),
    shadow       BOOLEAN      NOT NULL
);
CREATE INDEX pack_versions_by_market ON pack_versions (market, created_at);

CREATE TABLE audit_log (
    audit_id   VARCHAR(36)  PRIMARY KEY,
    at         VARCHAR(30)  NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(30)  NOT NULL,
    market     VARCHAR(20),
    version_id VARCHAR(36),
    detail     TEXT         NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TABLE shadow_verdicts (
    version_id      VARCHAR(36) NOT NULL,
    check_id        VARCHAR(36) NOT NULL,
    live_decision   VARCHAR(10) NOT NULL,
    shadow_decision VARCHAR(10) NOT NULL,
    live_rules      TEXT        NOT NULL,
    shadow_rules    TEXT        NOT NULL,
    created_at      VARCHAR(30) NOT NULL,
    PRIMARY KEY (version_id, check_id)
);

CREATE TABLE api_keys (
    key_id     VARCHAR(36)  PRIMARY KEY,
    key_hash   VARCHAR(64)  NOT NULL UNIQUE,
    role       VARCHAR(20)  NOT NULL,
    seller_id  VARCHAR(200),
    label      VARCHAR(200) NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at VARCHAR(30)  NOT NULL,
    revoked_at VARCHAR(30)
);
