/** Schema migrations, applied in order; never edit a released one, append a new one. */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    department_id TEXT REFERENCES departments(id),
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    builtin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE summaries (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    organisation TEXT NOT NULL,
    template_id TEXT NOT NULL,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE summary_snapshots (
    summary_id TEXT PRIMARY KEY REFERENCES summaries(id),
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE summary_updates (
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    author_id TEXT,
    sections TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (summary_id, seq)
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  `
  CREATE TABLE section_activity (
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    section_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    edits INTEGER NOT NULL,
    first_edit_at INTEGER NOT NULL,
    last_edit_at INTEGER NOT NULL,
    PRIMARY KEY (summary_id, section_id, user_id)
  );
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    created_by TEXT,
    created_by_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX versions_by_summary ON versions(summary_id, created_at);
  `,
  // The log clustered by summary: a compaction deletes one contiguous run of pages instead of
  // rows spread over every page the summaries wrote in turn (hundreds of pages, written and
  // synced in the same commit as everyone's keystrokes).
  `
  CREATE TABLE summary_updates_by_summary (
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    author_id TEXT,
    sections TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (summary_id, seq)
  ) WITHOUT ROWID;
  INSERT INTO summary_updates_by_summary (summary_id, seq, data, author_id, sections, created_at)
    SELECT summary_id, seq, data, author_id, sections, created_at FROM summary_updates;
  DROP TABLE summary_updates;
  ALTER TABLE summary_updates_by_summary RENAME TO summary_updates;
  `,
  // A person who leaves keeps their name on what they wrote but can no longer sign in.
  `ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;`,
  // Last year's summaries leave the list without leaving the database.
  `ALTER TABLE summaries ADD COLUMN archived_at INTEGER;`,
  // 操作记录: who changed structure, workflow and figures (journal.ts).
  `CREATE TABLE journal (
    id INTEGER PRIMARY KEY,
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    at INTEGER NOT NULL,
    user_id TEXT,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    section_id TEXT,
    detail TEXT NOT NULL
  );
  CREATE INDEX journal_by_summary ON journal(summary_id, at);`,
  // 已读: each reader's section texts as last read, to mark what others changed since (readMarks.ts).
  `CREATE TABLE section_reads (
    summary_id TEXT NOT NULL REFERENCES summaries(id),
    user_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    paragraphs TEXT NOT NULL,
    PRIMARY KEY (summary_id, user_id, section_id)
  ) WITHOUT ROWID;`,
  // 安全审计: sign-ins, passwords, accounts and backups (audit.ts).
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    address TEXT NOT NULL
  );
  CREATE INDEX audit_by_time ON audit_log(at);`,
  // 登录超时: when each session was last active (sessions.ts).
  `ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
  UPDATE sessions SET last_seen_at = created_at;`,
  // 回收站: a deleted summary stays until the admin restores or purges it.
  `ALTER TABLE summaries ADD COLUMN deleted_at INTEGER;
  ALTER TABLE summaries ADD COLUMN deleted_by TEXT;`,
  // 首次登录修改初始口令: set for passwords someone else chose; people here before did not get one.
  `ALTER TABLE users ADD COLUMN initial_password INTEGER NOT NULL DEFAULT 0;`,
  // 登录设备: where each session was opened, for its owner to recognise (and end) it.
  `ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
  ALTER TABLE sessions ADD COLUMN agent TEXT NOT NULL DEFAULT '';`,
  // 登录失败处理: failed sign-ins per user name and address, shared by every process and kept over a restart (loginFailures.ts).
  `CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX login_failures_by_key ON login_failures(key, at);
  CREATE INDEX login_failures_by_time ON login_failures(at);`,
]
