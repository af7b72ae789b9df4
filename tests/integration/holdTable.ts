/**
 * Holds back every insert into one table of the server's PostgreSQL store, as a busy database
 * does, until released: a lock taken by another session. `waiting` resolves once the server's
 * insert waits for it. SQLite writes synchronously on the event loop, so nothing can happen
 * meanwhile there; this is for `npm run test:postgres`.
 */
import pg from 'pg'
import { waitFor } from './harness.js'

export const holdInserts = async (server: { env: Record<string, string> }, table: string): Promise<{ waiting: () => Promise<void>; release: () => Promise<void> }> => {
  const client = new pg.Client({ connectionString: server.env.DATABASE_URL })
  await client.connect()
  await client.query('BEGIN')
  // SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE an INSERT takes, and with nothing a read takes.
  await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`)
  const insertWaits = async () => {
    // Inside a transaction pg_stat_activity is read once and kept: read it afresh each time.
    await client.query('SELECT pg_stat_clear_snapshot()')
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE $1`, [`INSERT INTO ${table}%`])
    return Number(rows[0]!.count) > 0
  }
  return {
    waiting: () => waitFor(insertWaits, 10_000, `an insert into ${table} waiting`),
    release: async () => {
      await client.query('COMMIT')
      await client.end()
    },
  }
}
