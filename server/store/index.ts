/** The store: one SQLite database behind small per-concern repositories. */
import { createCatalog } from './catalog.js'
import { openDb } from './db.js'
import { createDirectory } from './directory.js'
import { createSessions } from './sessions.js'
import { createUpdateLog } from './updates.js'
import { createVersions } from './versions.js'

export const openStore = (dataDir: string) => {
  const db = openDb(dataDir)
  return {
    db,
    directory: createDirectory(db),
    sessions: createSessions(db),
    catalog: createCatalog(db),
    updates: createUpdateLog(db),
    versions: createVersions(db),
    close: () => db.close(),
  }
}

export type Store = ReturnType<typeof openStore>
