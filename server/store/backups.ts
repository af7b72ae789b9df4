/**
 * Backups of the SQLite file, taken while the server runs: SQLite's online backup copies a
 * consistent state page by page without stopping writers. A backup is written under a temporary
 * name, checked (`PRAGMA integrity_check`) and only then renamed into place, so a file named
 * huizong-*.sqlite in the backup directory is always a whole, readable database. The newest
 * `keep` are kept. PostgreSQL deployments back up with their own tools (pg_dump).
 */
import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chinaClock } from '../../shared/chinaDay.js'
import type { Db } from './db.js'

export interface BackupInfo {
  name: string
  size: number
  createdAt: number
}

/** huizong-20261130-063012.sqlite (China time): nothing else in the directory looks like it. */
const BACKUP_NAME = /^huizong-\d{8}-\d{6}(?:-\d+)?\.sqlite$/

const stampOf = (at: number): string => chinaClock(at).replace(/[-:]/g, '').replace('T', '-')

export interface Backups {
  create(): Promise<BackupInfo>
  list(): BackupInfo[]
  /** The file of a backup, or undefined for a name that is not one (never a path outside the directory). */
  fileOf(name: string): string | undefined
  /** Resolves once a backup under way has finished (for shutting down). */
  settled(): Promise<void>
}

/** Copies `db` into `file` and checks the copy; throws (and leaves no file) when it is not sound. */
export const backupTo = async (db: Db, file: string): Promise<void> => {
  const partial = `${file}.partial`
  try {
    await db.backup(partial)
    const copy = new Database(partial, { readonly: true })
    try {
      const result = copy.pragma('integrity_check', { simple: true })
      if (result !== 'ok') throw new Error(`备份校验失败：${String(result)}`)
    } finally {
      copy.close()
    }
    renameSync(partial, file)
  } finally {
    rmSync(partial, { force: true })
  }
}

export const createBackups = (db: Db, dir: string, keep: number): Backups => {
  let running: Promise<BackupInfo> | null = null

  const list = (): BackupInfo[] => {
    mkdirSync(dir, { recursive: true })
    return readdirSync(dir)
      .filter((name) => BACKUP_NAME.test(name))
      .map((name) => {
        const stat = statSync(join(dir, name))
        return { name, size: stat.size, createdAt: stat.mtimeMs }
      })
      .sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name))
  }

  const take = async (): Promise<BackupInfo> => {
    mkdirSync(dir, { recursive: true })
    const stamp = stampOf(Date.now())
    const taken = new Set(readdirSync(dir))
    let name = `huizong-${stamp}.sqlite`
    for (let n = 2; taken.has(name); n++) name = `huizong-${stamp}-${n}.sqlite`
    await backupTo(db, join(dir, name))
    for (const old of list().slice(Math.max(1, keep))) rmSync(join(dir, old.name), { force: true })
    return list().find((backup) => backup.name === name)!
  }

  return {
    // One at a time: a second request while one runs gets that one.
    create: () => (running ??= take().finally(() => (running = null))),
    list,
    fileOf: (name) => (BACKUP_NAME.test(name) && list().some((backup) => backup.name === name) ? join(dir, name) : undefined),
    settled: async () => {
      await running?.catch(() => undefined)
    },
  }
}
