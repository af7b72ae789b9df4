/**
 * The PostgreSQL schema, created or migrated at start-up under an advisory lock, so processes
 * starting together do it once. Append-only: a released migration is never edited.
 */
import type pg from 'pg'

const MIGRATIONS = [
  `CREATE TABLE departments (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL);
   CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
     department_id TEXT REFERENCES departments(id), password_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
   CREATE TABLE templates (id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, builtin BOOLEAN NOT NULL DEFAULT FALSE, created_at BIGINT NOT NULL);
   CREATE TABLE summaries (id TEXT PRIMARY KEY, title TEXT NOT NULL, year INTEGER NOT NULL, organisation TEXT NOT NULL, template_id TEXT NOT NULL,
     created_by TEXT, created_at BIGINT NOT NULL);
   CREATE TABLE summary_snapshots (summary_id TEXT PRIMARY KEY REFERENCES summaries(id), data BYTEA NOT NULL, upto_seq BIGINT NOT NULL, created_at BIGINT NOT NULL);
   CREATE TABLE summary_updates (summary_id TEXT NOT NULL REFERENCES summaries(id), seq BIGINT NOT NULL, data BYTEA NOT NULL, author_id TEXT,
     sections TEXT NOT NULL DEFAULT '[]', created_at BIGINT NOT NULL, PRIMARY KEY (summary_id, seq));
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE section_activity (summary_id TEXT NOT NULL REFERENCES summaries(id), section_id TEXT NOT NULL, user_id TEXT NOT NULL,
     edits INTEGER NOT NULL, first_edit_at BIGINT NOT NULL, last_edit_at BIGINT NOT NULL, PRIMARY KEY (summary_id, section_id, user_id));
   CREATE TABLE versions (id TEXT PRIMARY KEY, summary_id TEXT NOT NULL REFERENCES summaries(id), name TEXT NOT NULL, data BYTEA NOT NULL,
     created_by TEXT, created_by_name TEXT NOT NULL, created_at BIGINT NOT NULL);
   CREATE INDEX versions_by_summary ON versions(summary_id, created_at);`,
  `ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;`,
  `ALTER TABLE summaries ADD COLUMN archived_at BIGINT;`,
  `CREATE TABLE journal (id BIGSERIAL PRIMARY KEY, summary_id TEXT NOT NULL REFERENCES summaries(id), at BIGINT NOT NULL, user_id TEXT,
     user_name TEXT NOT NULL, action TEXT NOT NULL, section_id TEXT, detail TEXT NOT NULL);
   CREATE INDEX journal_by_summary ON journal(summary_id, at);`,
  `CREATE TABLE section_reads (summary_id TEXT NOT NULL REFERENCES summaries(id), user_id TEXT NOT NULL, section_id TEXT NOT NULL,
     read_at BIGINT NOT NULL, paragraphs TEXT NOT NULL, PRIMARY KEY (summary_id, user_id, section_id));`,
  `ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
   UPDATE sessions SET last_seen_at = created_at;`,
  `CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, action TEXT NOT NULL,
     detail TEXT NOT NULL, address TEXT NOT NULL);
   CREATE INDEX audit_by_time ON audit_log(at);`,
  `ALTER TABLE summaries ADD COLUMN deleted_at BIGINT;
   ALTER TABLE summaries ADD COLUMN deleted_by TEXT;`,
  `ALTER TABLE users ADD COLUMN initial_password BOOLEAN NOT NULL DEFAULT FALSE;`,
  `ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
   ALTER TABLE sessions ADD COLUMN agent TEXT NOT NULL DEFAULT '';`,
  `CREATE TABLE login_failures (key TEXT NOT NULL, at BIGINT NOT NULL);
   CREATE INDEX login_failures_by_key ON login_failures(key, at);
   CREATE INDEX login_failures_by_time ON login_failures(at);`,
]

const MIGRATION_LOCK = 7_730_001

export const migrate = async (pool: pg.Pool): Promise<void> => {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS huizong_migrations (version INTEGER PRIMARY KEY)')
    const { rows } = await client.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM huizong_migrations')
    for (let index = rows[0]!.version; index < MIGRATIONS.length; index++) {
      await client.query('BEGIN')
      await client.query(MIGRATIONS[index]!)
      await client.query('INSERT INTO huizong_migrations (version) VALUES ($1)', [index + 1])
      await client.query('COMMIT')
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}
