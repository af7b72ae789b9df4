/**
 * The PostgreSQL store (DATABASE_URL): the same repositories as the SQLite store, for several
 * Huizong processes sharing one database. The schema is created or migrated at start-up under
 * an advisory lock, so processes starting together do it once. Appends to one summary are
 * serialised by a per-summary advisory lock, which keeps sequence numbers contiguous.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Template } from '../../shared/schema/template.js'
import { createId } from '../ids.js'
import { SUMMARY_TABLES, toSummary, type SummaryRow } from './catalog.js'
import { toUser, userChangeColumns, type Department, type User, type UserRow } from './directory.js'
import type { Store } from './types.js'
import type { UpdateRecord } from './updates.js'
import type { VersionRecord } from './versions.js'
import { JOURNAL_LIMIT, toJournalEntry } from './journal.js'
import { toReadMark } from './readMarks.js'
import { hashToken, liveSessions, lookUp, SESSION_DAYS, touchGate } from './sessions.js'
import { AUDIT_PAGE } from '../../shared/audit.js'
import { cursorParameters, toAuditEntry } from './audit.js'

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
]

const MIGRATION_LOCK = 7_730_001

// BIGINT columns come back as numbers: our values (milliseconds, sequence numbers) fit.
pg.types.setTypeParser(20, (value) => Number(value))


const toVersion = (row: Record<string, unknown>): VersionRecord => ({
  id: String(row.id),
  summaryId: String(row.summary_id),
  name: String(row.name),
  createdBy: (row.created_by as string | null) ?? null,
  createdByName: String(row.created_by_name),
  createdAt: Number(row.created_at),
})

const migrate = async (pool: pg.Pool): Promise<void> => {
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

export const openPostgresStore = async (url: string, sessionIdleMs = 0): Promise<Store> => {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  await migrate(pool)
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await pool.query<T>(sql, params)).rows[0]
  const all = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query<T>(sql, params)).rows
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
  const lastSeq = async (client: pg.PoolClient | pg.Pool, summaryId: string): Promise<number> =>
    Number(
      (
        await client.query<{ seq: number }>(
          `SELECT COALESCE(MAX(seq), 0) AS seq FROM (SELECT seq FROM summary_updates WHERE summary_id = $1
           UNION ALL SELECT upto_seq AS seq FROM summary_snapshots WHERE summary_id = $1) AS known`,
          [summaryId],
        )
      ).rows[0]!.seq,
    )

  const directory: Store['directory'] = {
    listDepartments: () => all<Department>('SELECT id, name FROM departments ORDER BY created_at, name'),
    getDepartment: (id) => one<Department>('SELECT id, name FROM departments WHERE id = $1', [id]),
    findDepartmentByName: (name) => one<Department>('SELECT id, name FROM departments WHERE name = $1', [name]),
    renameDepartment: async (id, name) => {
      await pool.query('UPDATE departments SET name = $1 WHERE id = $2', [name, id])
      return directory.getDepartment(id)
    },
    deleteDepartment: async (id) => void (await pool.query('DELETE FROM departments WHERE id = $1', [id])),
    createDepartment: async (name) => {
      const department = { id: createId(), name }
      await pool.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3)', [department.id, name, Date.now()])
      return department
    },
    ensureDepartment: async (name) => {
      await pool.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [createId(), name, Date.now()])
      return (await one<Department>('SELECT id, name FROM departments WHERE name = $1', [name]))!
    },
    listUsers: async () => (await all<UserRow>('SELECT * FROM users ORDER BY created_at')).map(toUser),
    getUser: async (id) => {
      const row = await one<UserRow>('SELECT * FROM users WHERE id = $1', [id])
      return row ? toUser(row) : undefined
    },
    findCredentials: async (username) => {
      const row = await one<UserRow>('SELECT * FROM users WHERE username = $1', [username])
      return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined
    },
    createUser: async (input) => {
      const user: User = { id: createId(), username: input.username, displayName: input.displayName, role: input.role, departmentId: input.departmentId, disabled: false, initialPassword: input.initialPassword ?? true }
      await pool.query('INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        user.id, user.username, user.displayName, user.role, user.departmentId, input.passwordHash, Date.now(), user.initialPassword,
      ])
      return user
    },
    createUsers: (people) =>
      transaction(async (client) => {
        const newDepartments: Department[] = []
        const departmentIds = new Map<string, string>()
        const users: User[] = []
        for (const person of people) {
          let departmentId: string | null = null
          if (person.department !== null) {
            departmentId = departmentIds.get(person.department) ?? null
            if (!departmentId) {
              const candidate = { id: createId(), name: person.department }
              const inserted = await client.query('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [candidate.id, candidate.name, Date.now()])
              if (inserted.rowCount) newDepartments.push(candidate)
              departmentId = (await client.query<{ id: string }>('SELECT id FROM departments WHERE name = $1', [person.department])).rows[0]!.id
              departmentIds.set(person.department, departmentId)
            }
          }
          const user: User = { id: createId(), username: person.username, displayName: person.displayName, role: person.role, departmentId, disabled: false, initialPassword: true }
          await client.query('INSERT INTO users (id, username, display_name, role, department_id, password_hash, created_at, initial_password) VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE)', [
            user.id, user.username, user.displayName, user.role, departmentId, person.passwordHash, Date.now(),
          ])
          users.push(user)
        }
        return { users, newDepartments }
      }),
    updateUser: async (id, change) => {
      const columns = userChangeColumns(change)
      if (columns.length > 0)
        await pool.query(`UPDATE users SET ${columns.map(([column], index) => `${column} = $${index + 1}`).join(', ')} WHERE id = $${columns.length + 1}`, [...columns.map(([, value]) => value), id])
      return directory.getUser(id)
    },
  }

  const due = touchGate(sessionIdleMs)
  const sessions: Store['sessions'] = {
    create: async (userId, origin = { address: '', agent: '' }) => {
      const token = randomBytes(32).toString('base64url')
      const now = Date.now()
      await pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, address, agent) VALUES ($1, $2, $3, $4, $3, $5, $6)', [
        hashToken(token), userId, now, now + SESSION_DAYS * 86_400_000, origin.address, origin.agent,
      ])
      return token
    },
    list: async (userId) =>
      liveSessions(await all('SELECT token_hash, created_at, last_seen_at, address, agent FROM sessions WHERE user_id = $1 AND expires_at > $2', [userId, Date.now()]), sessionIdleMs),
    revokeById: async (userId, id) => ((await pool.query('DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2', [userId, id])).rowCount ?? 0) > 0,
    resolve: async (token) => {
      const found = lookUp(await one<{ user_id: string; last_seen_at: number }>('SELECT user_id, last_seen_at FROM sessions WHERE token_hash = $1 AND expires_at > $2', [hashToken(token), Date.now()]), sessionIdleMs)
      if ('ended' in found && found.ended === 'idle') await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])
      return found
    },
    touch: async (token) => {
      const hash = hashToken(token)
      const now = Date.now()
      if (due(hash, now)) await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2', [now, hash])
    },
    revoke: async (token) => void (await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)])),
    revokeUser: async (userId, keepToken) =>
      void (await pool.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash != $2', [userId, keepToken ? hashToken(keepToken) : ''])),
  }

  const catalog: Store['catalog'] = {
    listTemplates: async () => (await all<{ id: string; title: string; builtin: boolean }>('SELECT id, title, builtin FROM templates ORDER BY builtin DESC, created_at, id')).map((row) => ({ ...row })),
    getTemplate: async (id) => {
      const row = await one<{ body: string }>('SELECT body FROM templates WHERE id = $1', [id])
      return row ? (JSON.parse(row.body) as Template) : undefined
    },
    saveTemplate: async (template, builtin = false, createdAt = Date.now()) => {
      await pool.query(
        `INSERT INTO templates (id, title, body, builtin, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO ${builtin ? 'NOTHING' : 'UPDATE SET title = excluded.title, body = excluded.body, builtin = excluded.builtin'}`,
        [template.id, template.title, JSON.stringify(template), builtin, createdAt],
      )
    },
    deleteTemplate: async (id) => void (await pool.query('DELETE FROM templates WHERE id = $1', [id])),
    listSummaries: async () => (await all<SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NULL ORDER BY created_at DESC')).map(toSummary),
    listDeleted: async () => (await all<SummaryRow>('SELECT * FROM summaries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC')).map(toSummary),
    getSummary: async (id) => {
      const row = await one<SummaryRow>('SELECT * FROM summaries WHERE id = $1 AND deleted_at IS NULL', [id])
      return row ? toSummary(row) : undefined
    },
    getDeletedSummary: async (id) => {
      const row = await one<SummaryRow>('SELECT * FROM summaries WHERE id = $1 AND deleted_at IS NOT NULL', [id])
      return row ? toSummary(row) : undefined
    },
    setDeleted: async (id, deletedBy) => {
      await pool.query('UPDATE summaries SET deleted_at = $1, deleted_by = $2 WHERE id = $3', [deletedBy === null ? null : Date.now(), deletedBy, id])
      return deletedBy === null ? catalog.getSummary(id) : catalog.getDeletedSummary(id)
    },
    purgeSummary: (id) =>
      transaction(async (client) => {
        // Locked, so a restore on another process cannot slip in between the check and the delete.
        if ((await client.query('SELECT 1 FROM summaries WHERE id = $1 AND deleted_at IS NOT NULL FOR UPDATE', [id])).rowCount === 0) return
        for (const table of SUMMARY_TABLES) await client.query(`DELETE FROM ${table} WHERE summary_id = $1`, [id])
        await client.query('DELETE FROM summaries WHERE id = $1', [id])
      }),
    setArchived: async (id, archived) => {
      await pool.query('UPDATE summaries SET archived_at = $1 WHERE id = $2', [archived ? Date.now() : null, id])
      return catalog.getSummary(id)
    },
    setTitle: async (id, title) => {
      await pool.query('UPDATE summaries SET title = $1 WHERE id = $2', [title, id])
      return catalog.getSummary(id)
    },
    insertSummary: (summary, createdBy, snapshot) =>
      transaction(async (client) => {
        await client.query('INSERT INTO summaries (id, title, year, organisation, template_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          summary.id, summary.title, summary.year, summary.organisation, summary.templateId, createdBy, summary.createdAt,
        ])
        await client.query('INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES ($1, $2, 0, $3)', [summary.id, Buffer.from(snapshot), Date.now()])
      }),
    claimInitialisation: async () =>
      (await pool.query("INSERT INTO settings (key, value) VALUES ('initialised', $1) ON CONFLICT (key) DO NOTHING", [new Date().toISOString()])).rowCount === 1,
  }

  const updates: Store['updates'] = {
    append: (summaryId, records: readonly UpdateRecord[]) =>
      transaction(async (client) => {
        // One writer per summary at a time, across processes: sequence numbers stay contiguous.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [summaryId])
        let seq = await lastSeq(client, summaryId)
        const now = Date.now()
        for (const record of records) {
          seq += 1
          await client.query('INSERT INTO summary_updates (summary_id, seq, data, author_id, sections, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            summaryId, seq, Buffer.from(record.data), record.authorId, JSON.stringify(record.sections), now,
          ])
          if (!record.authorId) continue
          for (const sectionId of record.sections) {
            await client.query(
              `INSERT INTO section_activity (summary_id, section_id, user_id, edits, first_edit_at, last_edit_at) VALUES ($1, $2, $3, 1, $4, $4)
               ON CONFLICT (summary_id, section_id, user_id) DO UPDATE SET edits = section_activity.edits + 1, last_edit_at = excluded.last_edit_at`,
              [summaryId, sectionId, record.authorId, now],
            )
          }
        }
        return seq
      }),
    compact: (summaryId, state, uptoSeq) =>
      transaction(async (client) => {
        await client.query(
          `INSERT INTO summary_snapshots (summary_id, data, upto_seq, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (summary_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at
           WHERE excluded.upto_seq > summary_snapshots.upto_seq`,
          [summaryId, Buffer.from(state), uptoSeq, Date.now()],
        )
        await client.query('DELETE FROM summary_updates WHERE summary_id = $1 AND seq <= $2', [summaryId, uptoSeq])
      }),
    load: async (summaryId) => {
      const snapshot = await one<{ data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM summary_snapshots WHERE summary_id = $1', [summaryId])
      const rows = await all<{ data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = $1 AND seq > $2 ORDER BY seq', [summaryId, snapshot?.upto_seq ?? 0])
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: rows.map((row) => new Uint8Array(row.data)),
        lastSeq: rows.at(-1)?.seq ?? snapshot?.upto_seq ?? 0,
      }
    },
    loadSince: async (summaryId, seq) =>
      (await all<{ data: Buffer; seq: number }>('SELECT data, seq FROM summary_updates WHERE summary_id = $1 AND seq > $2 ORDER BY seq', [summaryId, seq])).map((row) => ({
        seq: row.seq,
        data: new Uint8Array(row.data),
      })),
    activity: async (summaryId) =>
      (
        await all<{ section_id: string; user_id: string; edits: number; last_edit_at: number }>(
          'SELECT section_id, user_id, edits, last_edit_at FROM section_activity WHERE summary_id = $1 ORDER BY last_edit_at DESC',
          [summaryId],
        )
      ).map((row) => ({ sectionId: row.section_id, userId: row.user_id, edits: row.edits, lastEditAt: row.last_edit_at })),
  }

  const versions: Store['versions'] = {
    insert: async (version, data) => {
      await pool.query('INSERT INTO versions (id, summary_id, name, data, created_by, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        version.id, version.summaryId, version.name, Buffer.from(data), version.createdBy, version.createdByName, version.createdAt,
      ])
    },
    list: async (summaryId) => (await all('SELECT id, summary_id, name, created_by, created_by_name, created_at FROM versions WHERE summary_id = $1 ORDER BY created_at', [summaryId])).map(toVersion),
    remove: async (summaryId, id) => void (await pool.query('DELETE FROM versions WHERE summary_id = $1 AND id = $2', [summaryId, id])),
    get: async (summaryId, id) => {
      const row = await one('SELECT * FROM versions WHERE summary_id = $1 AND id = $2', [summaryId, id])
      return row ? { ...toVersion(row), data: new Uint8Array(row.data as Buffer) } : undefined
    },
  }

  const journal: Store['journal'] = {
    record: async (entry) => {
      await pool.query('INSERT INTO journal (summary_id, at, user_id, user_name, action, section_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        entry.summaryId, entry.at, entry.userId, entry.userName, entry.action, entry.sectionId, entry.detail,
      ])
    },
    list: async (summaryId) => (await all('SELECT * FROM journal WHERE summary_id = $1 ORDER BY at DESC, id DESC LIMIT $2', [summaryId, JOURNAL_LIMIT])).map(toJournalEntry),
  }

  const reads: Store['reads'] = {
    list: async (summaryId, userId) =>
      (await all<{ section_id: string; read_at: number; paragraphs: string }>('SELECT section_id, read_at, paragraphs FROM section_reads WHERE summary_id = $1 AND user_id = $2', [summaryId, userId])).map(toReadMark),
    save: (summaryId, userId, marks) =>
      transaction(async (client) => {
        for (const mark of marks) {
          await client.query(
            `INSERT INTO section_reads (summary_id, user_id, section_id, read_at, paragraphs) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (summary_id, user_id, section_id) DO UPDATE SET read_at = excluded.read_at, paragraphs = excluded.paragraphs`,
            [summaryId, userId, mark.sectionId, mark.readAt, JSON.stringify(mark.paragraphs)],
          )
        }
      }),
  }

  const audit: Store['audit'] = {
    record: async (entry) => {
      await pool.query('INSERT INTO audit_log (at, actor_id, actor_name, action, detail, address) VALUES ($1, $2, $3, $4, $5, $6)', [
        entry.at, entry.actorId, entry.actorName, entry.action, entry.detail, entry.address,
      ])
    },
    list: async (before, limit = AUDIT_PAGE) =>
      (await all('SELECT * FROM audit_log WHERE at < $1 OR (at = $2 AND id < $3) ORDER BY at DESC, id DESC LIMIT $4', [...cursorParameters(before), limit])).map(toAuditEntry),
    signIns: async (userId, username) => {
      const logins = await all<{ at: number; address: string }>("SELECT at, address FROM audit_log WHERE actor_id = $1 AND action = 'login' ORDER BY at DESC, id DESC LIMIT 2", [userId])
      const previous = logins[1] ?? null
      const failed = await one<{ count: number }>("SELECT COUNT(*)::int AS count FROM audit_log WHERE action = 'login-failed' AND (actor_id = $1 OR actor_name = $2) AND at > $3", [userId, username, previous?.at ?? 0])
      return { previous, failedSince: failed!.count }
    },
  }

  return { directory, sessions, catalog, updates, versions, journal, reads, audit, close: () => pool.end() }
}
