-- The store on PostgreSQL: the tables SQLite has after its migration 002, with the same names and
-- columns, so the store's SQL (bot/store/*.py) runs unchanged on both.
--
-- Numbered 002, not 001: a schema version names the same tables on every backend (SQLite's 001 is
-- the one-server schema that PostgreSQL never had), and `briefbot migrate-db` copies only between
-- stores at the same version. A later change is 003 in both folders.
--
-- As the shared SQL writes them: flags are INTEGER 0/1, times ISO 8601 text in UTC, JSON text,
-- Discord ids text. Text compares byte by byte (COLLATE "C", as SQLite's BINARY), so ORDER BY,
-- MIN() and lower() give the same results whatever locale the database was created with.

-- Small named values: the change counter other processes poll, the knowledge fingerprint.
CREATE TABLE meta (
    key         TEXT COLLATE "C" PRIMARY KEY,
    value       TEXT COLLATE "C" NOT NULL
);

-- Ids handed out in blocks, so an ask gets its id before its row is written.
CREATE TABLE counters (
    name        TEXT COLLATE "C" PRIMARY KEY,
    value       BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('asks', 1);

CREATE TABLE articles (
    id          TEXT COLLATE "C" PRIMARY KEY,
    seed        TEXT COLLATE "C" NOT NULL,
    title       TEXT COLLATE "C" NOT NULL,
    summary     TEXT COLLATE "C" NOT NULL,
    key_points  TEXT COLLATE "C" NOT NULL,
    aliases     TEXT COLLATE "C" NOT NULL,
    url         TEXT COLLATE "C",
    outlet      TEXT COLLATE "C",
    author      TEXT COLLATE "C",
    published   TEXT COLLATE "C",
    status      TEXT COLLATE "C" NOT NULL DEFAULT 'reviewed' CHECK (status IN ('reviewed', 'draft')),
    seed_hash   TEXT COLLATE "C",
    added_at    TEXT COLLATE "C" NOT NULL,
    synced_at   TEXT COLLATE "C" NOT NULL,
    retired_at  TEXT COLLATE "C"
);

CREATE TABLE entries (
    article_id  TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    id          TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    question    TEXT COLLATE "C" NOT NULL,
    alternates  TEXT COLLATE "C" NOT NULL,
    answer      TEXT COLLATE "C" NOT NULL,
    evidence    TEXT COLLATE "C" NOT NULL,
    tags        TEXT COLLATE "C" NOT NULL,
    reviewed    INTEGER NOT NULL DEFAULT 1,
    origin      TEXT COLLATE "C" NOT NULL CHECK (origin IN ('file', 'owner')),
    file_hash   TEXT COLLATE "C",
    withheld    TEXT COLLATE "C",
    removed     INTEGER NOT NULL DEFAULT 0,
    changed_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE server_entries (
    guild_id    TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    origin      TEXT COLLATE "C" NOT NULL CHECK (origin IN ('added', 'edited')),
    kind        TEXT COLLATE "C",
    question    TEXT COLLATE "C",
    alternates  TEXT COLLATE "C",
    answer      TEXT COLLATE "C",
    evidence    TEXT COLLATE "C",
    tags        TEXT COLLATE "C",
    removed     INTEGER NOT NULL DEFAULT 0,
    base_hash   TEXT COLLATE "C",
    noticed_hash TEXT COLLATE "C",
    withheld    TEXT COLLATE "C",
    edited_by   TEXT COLLATE "C" NOT NULL,
    edited_at   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (guild_id, article_id, id)
);

CREATE TABLE server_phrasings (
    guild_id    TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C" NOT NULL,
    entry_id    TEXT COLLATE "C" NOT NULL,
    key         TEXT COLLATE "C" NOT NULL,
    text        TEXT COLLATE "C" NOT NULL,
    origin      TEXT COLLATE "C" NOT NULL,
    added_by    TEXT COLLATE "C",
    added_at    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (guild_id, article_id, entry_id, key)
);

CREATE TABLE asks (
    id          BIGINT PRIMARY KEY,
    asked_at    TEXT COLLATE "C" NOT NULL,
    guild_id    TEXT COLLATE "C",
    channel_id  TEXT COLLATE "C",
    user_id     TEXT COLLATE "C",
    source      TEXT COLLATE "C" NOT NULL,
    question    TEXT COLLATE "C" NOT NULL,
    reply       TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C",
    entry_id    TEXT COLLATE "C",
    confidence  DOUBLE PRECISION NOT NULL,
    suggestions TEXT COLLATE "C" NOT NULL DEFAULT '[]'
);
CREATE INDEX asks_by_guild_time ON asks (guild_id, asked_at);
CREATE INDEX asks_by_time ON asks (asked_at);

CREATE TABLE feedback (
    query_id    BIGINT NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    helpful     INTEGER NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (query_id, user_id)
);

CREATE TABLE review_queue (
    scope       TEXT COLLATE "C" NOT NULL,
    question_key TEXT COLLATE "C" NOT NULL,
    question    TEXT COLLATE "C" NOT NULL,
    times_asked INTEGER NOT NULL,
    first_asked TEXT COLLATE "C" NOT NULL,
    last_asked  TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C" NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'taught', 'dismissed')),
    article_id  TEXT COLLATE "C",
    entry_id    TEXT COLLATE "C",
    PRIMARY KEY (scope, question_key)
);

CREATE TABLE proposals (
    guild_id    TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C" NOT NULL,
    entry_id    TEXT COLLATE "C" NOT NULL,
    question_key TEXT COLLATE "C" NOT NULL,
    question    TEXT COLLATE "C" NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    query_id    BIGINT NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (guild_id, article_id, entry_id, question_key, user_id)
);

CREATE TABLE guilds (
    guild_id          TEXT COLLATE "C" PRIMARY KEY,
    ask_channel_id    TEXT COLLATE "C",
    mod_role_id       TEXT COLLATE "C",
    digest_channel_id TEXT COLLATE "C",
    digest_time       TEXT COLLATE "C",
    digest_tz         TEXT COLLATE "C",
    digest_enabled    INTEGER NOT NULL DEFAULT 0,
    joined_at         TEXT COLLATE "C" NOT NULL,
    left_at           TEXT COLLATE "C",
    version           BIGINT NOT NULL DEFAULT 0,
    updated_at        TEXT COLLATE "C" NOT NULL
);
CREATE TABLE guild_articles (
    guild_id    TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C" NOT NULL,
    active      INTEGER NOT NULL,
    changed_at  TEXT COLLATE "C" NOT NULL,
    featured_on TEXT COLLATE "C",
    PRIMARY KEY (guild_id, article_id)
);

CREATE TABLE digest_log (
    guild_id    TEXT COLLATE "C" NOT NULL,
    local_date  TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C" NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    channel_id  TEXT COLLATE "C",
    message_id  TEXT COLLATE "C",
    nonce       TEXT COLLATE "C",
    detail      TEXT COLLATE "C",
    created_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (guild_id, local_date)
);

CREATE TABLE audit_log (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          TEXT COLLATE "C" NOT NULL,
    actor       TEXT COLLATE "C" NOT NULL,
    guild_id    TEXT COLLATE "C",
    action      TEXT COLLATE "C" NOT NULL,
    article_id  TEXT COLLATE "C",
    entry_id    TEXT COLLATE "C",
    before      TEXT COLLATE "C",
    after       TEXT COLLATE "C"
);
CREATE INDEX audit_log_by_entry ON audit_log (article_id, entry_id, id);
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, id);
