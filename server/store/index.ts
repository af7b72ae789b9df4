/** The embedded SQLite store: one database file in DATA_DIR behind small per-concern repositories. */
import { createCatalog } from './catalog.js'
import { openDb } from './db.js'
import { createSqlWriter } from './sqlWriter.js'
import { createDirectory } from './directory.js'
import { createSessions } from './sessions.js'
import { createUpdateLog } from './updates.js'
import { createVersions } from './versions.js'

/** Update-log writes run in a worker thread (sqlWorker.mjs); everything else on this connection. */
export const openStore = (dataDir: string) => {
  const db = openDb(dataDir)
  const writer = createSqlWriter(db.name)
  return {
    db,
    directory: createDirectory(db),
    sessions: createSessions(db),
    catalog: createCatalog(db),
    updates: createUpdateLog(db, writer),
    versions: createVersions(db),
    close: async () => {
      await writer.close()
      db.close()
    },
  }
}

export type SqliteStore = ReturnType<typeof openStore>
export type { Store } from './types.js'
