-- Catalogue checks: a batch of listings sent at once, each row with its request and, once checked, its verdict
-- (or why the row could not be checked). Re-screens: after a pack changes, stored listings judged again, and
-- those whose decision changed, per seller.

CREATE TABLE batches (
    batch_id    VARCHAR(36)  PRIMARY KEY,
    status      VARCHAR(10)  NOT NULL,
    total       INTEGER      NOT NULL,
    refused     INTEGER      NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    seller_id   VARCHAR(200),
    created_at  VARCHAR(30)  NOT NULL,
    finished_at VARCHAR(30),
    summary     TEXT,
    failure     VARCHAR(1000)
);
CREATE INDEX batches_by_time ON batches (created_at);

CREATE TABLE batch_items (
    batch_id      VARCHAR(36)  NOT NULL,
    line          INTEGER      NOT NULL,
    seller_id     VARCHAR(200),
    submission_id VARCHAR(200),
    request       TEXT,
    decision      VARCHAR(10),
    verdict       TEXT,
    problem       TEXT,
    PRIMARY KEY (batch_id, line)
);
CREATE INDEX batch_items_by_seller ON batch_items (seller_id, submission_id);

CREATE TABLE rescreens (
    rescreen_id VARCHAR(36)  PRIMARY KEY,
    status      VARCHAR(10)  NOT NULL,
    markets     TEXT         NOT NULL,
    versions    TEXT         NOT NULL,
    started_at  VARCHAR(30)  NOT NULL,
    finished_at VARCHAR(30),
    compared    INTEGER      NOT NULL,
    changed     INTEGER      NOT NULL
);
CREATE INDEX rescreens_by_time ON rescreens (started_at);

CREATE TABLE rescreen_changes (
    rescreen_id       VARCHAR(36)  NOT NULL,
    seller_id         VARCHAR(200) NOT NULL,
    listing_key       VARCHAR(250) NOT NULL,
    source            VARCHAR(80)  NOT NULL,
    title             VARCHAR(500),
    before_decision   VARCHAR(10)  NOT NULL,
    after_decision    VARCHAR(10)  NOT NULL,
    newly_firing      TEXT         NOT NULL,
    no_longer_firing  TEXT         NOT NULL,
    PRIMARY KEY (rescreen_id, seller_id, listing_key)
);
CREATE INDEX rescreen_changes_by_seller ON rescreen_changes (seller_id, rescreen_id);
