-- Servers are tenants and several articles live side by side.
-- The files in knowledge/ are the shared base (entries); each server's moderators change only
-- their own overlay (server_entries, server_phrasings). Activity, the review queue, settings and
-- the digest log are per server. The old tables are renamed, copied by m002_tenancy.py, dropped.

DROP INDEX IF EXISTS phrasings_by_key;
DROP INDEX IF EXISTS query_log_by_guild_time;
DROP INDEX IF EXISTS audit_log_by_entry;
ALTER TABLE articles RENAME TO v1_articles;
ALTER TABLE entries RENAME TO v1_entries;
ALTER TABLE phrasings RENAME TO v1_phrasings;
ALTER TABLE query_log RENAME TO v1_query_log;
ALTER TABLE feedback RENAME TO v1_feedback;
ALTER TABLE review_queue RENAME TO v1_review_queue;
ALTER TABLE guild_settings RENAME TO v1_guild_settings;
ALTER TABLE digest_log RENAME TO v1_digest_log;
ALTER TABLE audit_log RENAME TO v1_audit_log;

-- Small named values: the change counter other processes poll, the knowledge fingerprint.
CREATE TABLE meta (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL
);

-- Ids handed out in blocks, so an ask gets its id before its row is written.
CREATE TABLE counters (
    name        TEXT PRIMARY KEY NOT NULL,
    value       INTEGER NOT NULL
);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY NOT NULL,
    seed        TEXT NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    key_points  TEXT NOT NULL,           -- JSON list of strings
    aliases     TEXT NOT NULL,           -- JSON object: canonical -> [variants], this article only
    url         TEXT,
    outlet      TEXT,
    author      TEXT,
    published   TEXT,                    -- ISO date
    status      TEXT NOT NULL DEFAULT 'reviewed' CHECK (status IN ('reviewed', 'draft')),
    seed_hash   TEXT,                    -- sha256 of the seed last synced: a change re-verifies
    added_at    TEXT NOT NULL,           -- first synced: servers that joined later opt in
    synced_at   TEXT NOT NULL,
    retired_at  TEXT                     -- `briefbot retire`: out of service, history kept
);

-- The shared base, one row per article + id. Rows are never deleted: a reference (a logged
-- ask, an audit record, a posted button) keeps pointing at something.
CREATE TABLE entries (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    id          TEXT NOT NULL,
    kind        TEXT NOT NULL,
    question    TEXT NOT NULL,
    alternates  TEXT NOT NULL,           -- JSON list of strings
    answer      TEXT NOT NULL,
    evidence    TEXT NOT NULL,           -- JSON list of {seed, quote, start, end, section}
    tags        TEXT NOT NULL,           -- JSON list of strings
    reviewed    INTEGER NOT NULL DEFAULT 1,
    origin      TEXT NOT NULL CHECK (origin IN ('file', 'owner')),
    file_hash   TEXT,                    -- the file version last synced, for idempotent syncs
    withheld    TEXT,                    -- why it is not served (its evidence left the seed)
    removed     INTEGER NOT NULL DEFAULT 0,  -- gone from the files
    changed_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);

-- A server's own entries: added there, or a base entry edited or removed there.
CREATE TABLE server_entries (
    guild_id    TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    id          TEXT NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('added', 'edited')),
    kind        TEXT,                    -- the content: NULL for a base entry only removed
    question    TEXT,
    alternates  TEXT,
    answer      TEXT,
    evidence    TEXT,
    tags        TEXT,
    removed     INTEGER NOT NULL DEFAULT 0,
    base_hash   TEXT,                    -- the base version an edit started from
    noticed_hash TEXT,                   -- the latest base version its moderators were told of
    withheld    TEXT,
    edited_by   TEXT NOT NULL,
    edited_at   TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id, id)
);

-- Phrasings a server taught on any entry it sees (/qa alias, /qa teach).
CREATE TABLE server_phrasings (
    guild_id    TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    key         TEXT NOT NULL,           -- normalised, to refuse duplicates
    text        TEXT NOT NULL,
    origin      TEXT NOT NULL,           -- alias, teach, import
    added_by    TEXT,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id, entry_id, key)
);

CREATE TABLE asks (
    id          INTEGER PRIMARY KEY,
    asked_at    TEXT NOT NULL,
    guild_id    TEXT,                    -- NULL: a direct message or the command line
    channel_id  TEXT,
    user_id     TEXT,
    source      TEXT NOT NULL,           -- cli, slash, mention, dm, channel, suggestion, menu
    question    TEXT NOT NULL,
    reply       TEXT NOT NULL,           -- answer, suggest, decline, help, about, refused
    article_id  TEXT,
    entry_id    TEXT,
    confidence  REAL NOT NULL,
    suggestions TEXT NOT NULL DEFAULT '[]'  -- JSON [[article, id], ...]: what its buttons offer
);
CREATE INDEX asks_by_guild_time ON asks (guild_id, asked_at);
CREATE INDEX asks_by_time ON asks (asked_at);

CREATE TABLE feedback (
    query_id    INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    helpful     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (query_id, user_id)
);

-- Declined questions per server ('' for direct messages and the command line).
CREATE TABLE review_queue (
    scope       TEXT NOT NULL,
    question_key TEXT NOT NULL,
    question    TEXT NOT NULL,
    times_asked INTEGER NOT NULL,
    first_asked TEXT NOT NULL,
    last_asked  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taught', 'dismissed')),
    article_id  TEXT,
    entry_id    TEXT,
    PRIMARY KEY (scope, question_key)
);

-- A member's click on a did-you-mean suggestion: "this question meant that entry".
CREATE TABLE proposals (
    guild_id    TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    entry_id    TEXT NOT NULL,
    question_key TEXT NOT NULL,
    question    TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    query_id    INTEGER NOT NULL,        -- the ask the click produced (Not helpful withdraws it)
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, article_id, entry_id, question_key, user_id)
);

CREATE TABLE guilds (
    guild_id          TEXT PRIMARY KEY NOT NULL,
    ask_channel_id    TEXT,
    mod_role_id       TEXT,
    digest_channel_id TEXT,
    digest_time       TEXT,              -- HH:MM, local to digest_tz
    digest_tz         TEXT,              -- IANA name
    digest_enabled    INTEGER NOT NULL DEFAULT 0,
    joined_at         TEXT NOT NULL,
    left_at           TEXT,              -- the bot left: purged after the grace period
    version           INTEGER NOT NULL DEFAULT 0,  -- meta.version at its last overlay change
    updated_at        TEXT NOT NULL
);

-- A server's choice of articles; without a row, a reviewed article older than the server's
-- arrival is active, anything newer (or a draft) is not.
CREATE TABLE guild_articles (
    guild_id    TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    active      INTEGER NOT NULL,
    changed_at  TEXT NOT NULL,
    featured_on TEXT,                    -- the digest day that introduced it there
    PRIMARY KEY (guild_id, article_id)
);

CREATE TABLE digest_log (
    guild_id    TEXT NOT NULL,
    local_date  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    channel_id  TEXT,
    message_id  TEXT,
    nonce       TEXT,                    -- sent with the message, to find it after a crash
    detail      TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, local_date)
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,           -- "sync", "cli", "owner" or a Discord user id
    guild_id    TEXT,                    -- NULL: the shared base
    action      TEXT NOT NULL,
    article_id  TEXT,
    entry_id    TEXT,
    before      TEXT,
    after       TEXT
);
CREATE INDEX audit_log_by_entry ON audit_log (article_id, entry_id, id);
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, id);
