/**
 * The PostgreSQL store (DATABASE_URL): the same repositories as the SQLite store, for several
 * Huizong processes sharing one database, one module per repository beside its SQLite twin.
 */
import type { Store } from '../types.js'
import { postgresAudit } from './audit.js'
import { postgresCatalog } from './catalog.js'
import { createPgDb } from './db.js'
import { postgresDirectory } from './directory.js'
import { postgresJournal } from './journal.js'
import { postgresLoginFailures } from './loginFailures.js'
import { migrate } from './migrations.js'
import { postgresReadMarks } from './readMarks.js'
import { postgresSessions } from './sessions.js'
import { postgresUpdates } from './updates.js'
import { postgresVersions } from './versions.js'

export const openPostgresStore = async (url: string, sessionIdleMs = 0): Promise<Store> => {
  const db = createPgDb(url)
  await migrate(db.pool)
  return {
    directory: postgresDirectory(db),
    sessions: postgresSessions(db, sessionIdleMs),
    catalog: postgresCatalog(db),
    updates: postgresUpdates(db),
    versions: postgresVersions(db),
    journal: postgresJournal(db),
    reads: postgresReadMarks(db),
    audit: postgresAudit(db),
    loginFailures: postgresLoginFailures(db),
    close: () => db.pool.end(),
  }
}
