/** The embedded SQLite store: one database file in DATA_DIR behind small per-concern repositories. */
import { createCatalog } from './catalog.js'
import { openDb } from './db.js'
import { createSqlWriter } from './sqlWriter.js'
import { createDirectory } from './directory.js'
import { createSessions } from './sessions.js'
import { createUpdateLog } from './updates.js'
import { createVersions } from './versions.js'

/**
 * @param options.writer run update-log writes in a worker thread (the server); tests of the
 *   store alone may write on the main connection.
 */
export const openStore = (dataDir: string, options: { writer?: boolean } = {}) => {
  const db = openDb(dataDir)
  const writer = options.writer ? createSqlWriter(db.name) : null
  return {
    db,
    directory: createDirectory(db),
    sessions: createSessions(db),
    catalog: createCatalog(db),
    updates: createUpdateLog(db, writer),
    versions: createVersions(db),
    close: async () => {
      await writer?.close()
      db.close()
    },
  }
}

export type SqliteStore = ReturnType<typeof openStore>
export type { Store } from './types.js'
