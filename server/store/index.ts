/** The embedded SQLite store: one database file in DATA_DIR behind small per-concern repositories. */
import { createCatalog } from './catalog.js'
import { openDb } from './db.js'
import { createDirectory } from './directory.js'
import { createGroupCommit } from './groupCommit.js'
import { createSessions } from './sessions.js'
import { createUpdateLog } from './updates.js'
import { createVersions } from './versions.js'

/** One connection; update-log writes are group commits (groupCommit.ts). */
export const openStore = (dataDir: string) => {
  const db = openDb(dataDir)
  return {
    db,
    directory: createDirectory(db),
    sessions: createSessions(db),
    catalog: createCatalog(db),
    updates: createUpdateLog(db, createGroupCommit(db)),
    versions: createVersions(db),
    close: async () => {
      await new Promise((resolve) => setImmediate(resolve)) // a group commit under way finishes first
      db.close()
    },
  }
}

export type SqliteStore = ReturnType<typeof openStore>
export type { Store } from './types.js'
