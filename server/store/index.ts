/** The embedded SQLite store: one database file in DATA_DIR behind small per-concern repositories. */
import { join } from 'node:path'
import { createAudit } from './audit.js'
import { createLoginFailures } from './loginFailures.js'
import { createBackups } from './backups.js'
import { createCatalog } from './catalog.js'
import { openDb } from './db.js'
import { createDirectory } from './directory.js'
import { createGroupCommit } from './groupCommit.js'
import { createJournal } from './journal.js'
import { createReadMarks } from './readMarks.js'
import { createSessions } from './sessions.js'
import { createUpdateLog } from './updates.js'
import { createVersions } from './versions.js'

export interface BackupOptions {
  /** Where backups go (default DATA_DIR/backups). */
  dir?: string
  /** How many to keep (default 14). */
  keep?: number
}

/** One connection; update-log writes are group commits (groupCommit.ts). `sessionIdleMs`: 登录超时 (0: none). */
export const openStore = (dataDir: string, backup: BackupOptions = {}, sessionIdleMs = 0) => {
  const db = openDb(dataDir)
  const backups = createBackups(db, backup.dir ?? join(dataDir, 'backups'), backup.keep ?? 14)
  return {
    db,
    backups,
    directory: createDirectory(db),
    sessions: createSessions(db, sessionIdleMs),
    catalog: createCatalog(db),
    updates: createUpdateLog(db, createGroupCommit(db)),
    versions: createVersions(db),
    journal: createJournal(db),
    reads: createReadMarks(db),
    audit: createAudit(db),
    loginFailures: createLoginFailures(db),
    close: async () => {
      await new Promise((resolve) => setImmediate(resolve)) // a group commit under way finishes first
      await backups.settled()
      db.close()
    },
  }
}

export type SqliteStore = ReturnType<typeof openStore>
export type { Store } from './types.js'
