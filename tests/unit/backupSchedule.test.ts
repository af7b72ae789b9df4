import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BackupInfo, Backups } from '../../server/store/backups.js'
import { scheduleBackups } from '../../server/store/backupSchedule.js'

/** Backups kept in memory: the schedule only asks for the list and for a new one. */
const backupsIn = (taken: BackupInfo[]): Backups & { created: number } => {
  const backups = {
    created: 0,
    list: () => [...taken].sort((a, b) => b.createdAt - a.createdAt),
    create: async () => {
      backups.created++
      const backup = { name: `b${backups.created}`, size: 1, createdAt: Date.now() }
      taken.push(backup)
      return backup
    },
    fileOf: () => undefined,
    settled: async () => undefined,
  }
  return backups
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('automatic backups', () => {
  it('backs up a minute after start when there is none, then once per interval', async () => {
    const backups = backupsIn([])
    const schedule = scheduleBackups(backups, 24, () => {})
    await vi.advanceTimersByTimeAsync(59_000)
    expect(backups.created).toBe(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(backups.created).toBe(1)
    await vi.advanceTimersByTimeAsync(23 * 3_600_000)
    expect(backups.created).toBe(1)
    // Looked at every ten minutes: the second comes within ten minutes of the interval.
    await vi.advanceTimersByTimeAsync(3_600_000 + 10 * 60_000)
    expect(backups.created).toBe(2)
    schedule.stop()
  })

  it('does not back up again after a restart while the newest backup is fresh', async () => {
    const backups = backupsIn([{ name: 'recent', size: 1, createdAt: Date.now() - 3_600_000 }])
    const schedule = scheduleBackups(backups, 24, () => {})
    await vi.advanceTimersByTimeAsync(22 * 3_600_000)
    expect(backups.created).toBe(0)
    await vi.advanceTimersByTimeAsync(2 * 3_600_000)
    expect(backups.created).toBe(1)
    schedule.stop()
  })

  it('is off with an interval of 0, and logs a failed backup instead of stopping', async () => {
    const off = backupsIn([])
    scheduleBackups(off, 0, () => {})
    await vi.advanceTimersByTimeAsync(48 * 3_600_000)
    expect(off.created).toBe(0)

    const lines: string[] = []
    const failing = { ...backupsIn([]), create: async () => Promise.reject(new Error('磁盘已满')) }
    const schedule = scheduleBackups(failing, 1, (line) => lines.push(line))
    await vi.advanceTimersByTimeAsync(60_000 + 10 * 60_000)
    expect(lines).toEqual(['自动备份失败：磁盘已满', '自动备份失败：磁盘已满'])
    schedule.stop()
  })
})
