/** Picks the store from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite. */
import { openStore } from './index.js'
import { openPostgresStore } from './postgres/index.js'
import type { Store } from './types.js'

export const createStore = async (config: { dataDir: string; databaseUrl?: string; backupDir?: string; backupKeep?: number; sessionIdleMs?: number }): Promise<Store> =>
  config.databaseUrl
    ? openPostgresStore(config.databaseUrl, config.sessionIdleMs)
    : openStore(config.dataDir, { dir: config.backupDir, keep: config.backupKeep }, config.sessionIdleMs)
