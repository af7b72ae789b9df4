/**
 * Makes the server's real store refuse every new row of a table — by default every new update, as
 * a full disk or a database gone read-only does: a trigger on the update log, in SQLite or in
 * PostgreSQL (`npm run test:postgres`). Returns how to let rows through again.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'

export const refuseStoring = async (server: { dataDir: string; env: Record<string, string> }, table = 'summary_updates'): Promise<() => Promise<void>> => {
  const url = server.env.DATABASE_URL
  if (url) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query("CREATE FUNCTION hz_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$")
    await client.query(`CREATE TRIGGER hz_refuse BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION hz_refuse()`)
    return async () => {
      await client.query(`DROP TRIGGER hz_refuse ON ${table}; DROP FUNCTION hz_refuse()`)
      await client.end()
    }
  }
  const db = new Database(join(server.dataDir, 'huizong.sqlite'))
  db.exec(`CREATE TRIGGER hz_refuse BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
  return async () => {
    db.exec('DROP TRIGGER hz_refuse')
    db.close()
  }
}
