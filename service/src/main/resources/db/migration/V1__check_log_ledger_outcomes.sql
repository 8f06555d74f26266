-- One schema for SQLite (the embedded default) and PostgreSQL: portable types, ids made by the service,
-- dates and instants as ISO-8601 text (they sort as they read).

CREATE TABLE checks (
    check_id      VARCHAR(36)  PRIMARY KEY,
    submission_id VARCHAR(100),
    seller_id     VARCHAR(200) NOT NULL,
    platform      VARCHAR(50),
    decision      VARCHAR(10)  NOT NULL,
    classifier    VARCHAR(100) NOT NULL,
    rule_packs    TEXT         NOT NULL,
    request       TEXT         NOT NULL,
    verdict       TEXT         NOT NULL,
    created_at    VARCHAR(30)  NOT NULL
);
CREATE INDEX checks_by_seller ON checks (seller_id, created_at);

-- what the forecast said of each finding, for calibration against outcomes
CREATE TABLE forecasts (
    check_id    VARCHAR(36)      NOT NULL,
    rule_id     VARCHAR(100)     NOT NULL,
    probability DOUBLE PRECISION NOT NULL,
    points      INTEGER          NOT NULL,
    PRIMARY KEY (check_id, rule_id)
);

CREATE TABLE penalties (
    penalty_id     VARCHAR(36)  PRIMARY KEY,
    seller_id      VARCHAR(200) NOT NULL,
    platform       VARCHAR(50)  NOT NULL,
    ledger         VARCHAR(50)  NOT NULL,
    violation_type VARCHAR(100) NOT NULL,
    rule_id        VARCHAR(100),
    points         INTEGER      NOT NULL,
    strike         VARCHAR(50),
    occurred_on    VARCHAR(10)  NOT NULL,
    listing_id     VARCHAR(200),
    source         VARCHAR(200) NOT NULL,
    recorded_at    VARCHAR(30)  NOT NULL
);
CREATE INDEX penalties_by_store ON penalties (seller_id, platform, occurred_on);

CREATE TABLE outcomes (
    check_id    VARCHAR(36) PRIMARY KEY,
    published   BOOLEAN     NOT NULL,
    enforced    TEXT        NOT NULL,
    points      INTEGER,
    recorded_at VARCHAR(30) NOT NULL
);
