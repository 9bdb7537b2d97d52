-- Articles and their curated entries, as synced from knowledge/ and edited by moderators.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY NOT NULL,
    seed        TEXT NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    key_points  TEXT NOT NULL,           -- JSON list of strings
    aliases     TEXT NOT NULL,           -- JSON object: canonical -> [variants]
    synced_at   TEXT NOT NULL
);

CREATE TABLE entries (
    id          TEXT PRIMARY KEY NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    kind        TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    evidence    TEXT NOT NULL,           -- JSON list of {seed, quote, start, end, section}
    tags        TEXT NOT NULL DEFAULT '[]',
    origin      TEXT NOT NULL CHECK (origin IN ('file', 'moderator')),
    file_hash   TEXT,                    -- the file version last synced, for idempotent syncs
    edited_by   TEXT,                    -- set once a moderator changes the entry
    edited_at   TEXT,
    removed     INTEGER NOT NULL DEFAULT 0  -- a moderator removed it; syncs leave it removed
);

CREATE TABLE phrasings (
    entry_id    TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    key         TEXT NOT NULL,           -- the phrasing normalised, to refuse duplicates
    origin      TEXT NOT NULL CHECK (origin IN ('file', 'moderator')),
    added_by    TEXT,
    added_at    TEXT,
    PRIMARY KEY (entry_id, text)
);
CREATE INDEX phrasings_by_key ON phrasings (key);

CREATE TABLE query_log (
    id          INTEGER PRIMARY KEY,
    asked_at    TEXT NOT NULL,
    guild_id    TEXT,
    channel_id  TEXT,
    user_id     TEXT,
    source      TEXT NOT NULL,           -- cli, slash, mention, dm, channel
    question    TEXT NOT NULL,
    answered    INTEGER NOT NULL,
    entry_id    TEXT,
    confidence  REAL NOT NULL
);
CREATE INDEX query_log_by_guild_time ON query_log (guild_id, asked_at);

CREATE TABLE feedback (
    query_id    INTEGER NOT NULL REFERENCES query_log(id),
    user_id     TEXT NOT NULL,
    entry_id    TEXT,
    helpful     INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (query_id, user_id)
);

CREATE TABLE review_queue (
    question_key TEXT PRIMARY KEY,       -- the question normalised, so repeats are counted
    question     TEXT NOT NULL,
    times_asked  INTEGER NOT NULL,
    first_asked  TEXT NOT NULL,
    last_asked   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taught', 'dismissed')),
    entry_id     TEXT
);

CREATE TABLE guild_settings (
    guild_id          TEXT PRIMARY KEY,
    ask_channel_id    TEXT,
    mod_role_id       TEXT,
    digest_channel_id TEXT,
    digest_time       TEXT,              -- HH:MM, local to digest_tz
    digest_tz         TEXT,              -- IANA name
    digest_enabled    INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT NOT NULL
);

CREATE TABLE digest_log (
    guild_id    TEXT NOT NULL,
    local_date  TEXT NOT NULL,           -- the guild's local day the digest is for
    status      TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    channel_id  TEXT,
    message_id  TEXT,
    detail      TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, local_date)
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,           -- "sync", "cli" or a Discord user id
    guild_id    TEXT,
    action      TEXT NOT NULL,
    entry_id    TEXT,
    before      TEXT,                    -- JSON snapshot or NULL
    after       TEXT
);
CREATE INDEX audit_log_by_entry ON audit_log (entry_id, id);
