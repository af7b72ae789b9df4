/**
 * Automatic backups: a look every few minutes, and a backup whenever the newest one is older than
 * the interval (so a server restarted often still backs up once per interval, not once per start).
 * The first look waits a minute after start-up, out of the way of the first logins.
 */
import { NOTHING_SCHEDULED, repeatEvery, type Schedule } from '../schedule.js'
import type { Backups } from './backups.js'

const FIRST_LOOK_MS = 60_000
const LOOK_EVERY_MS = 10 * 60_000

export const scheduleBackups = (backups: Backups, intervalHours: number, log: (line: string) => void): Schedule => {
  if (intervalHours <= 0) return NOTHING_SCHEDULED
  const intervalMs = intervalHours * 3_600_000
  const look = async () => {
    const newest = backups.list()[0]
    if (newest && Date.now() - newest.createdAt < intervalMs) return
    try {
      const backup = await backups.create()
      log(`已自动备份：${backup.name}`)
    } catch (error) {
      log(`自动备份失败：${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return repeatEvery(FIRST_LOOK_MS, Math.min(LOOK_EVERY_MS, intervalMs), look)
}
