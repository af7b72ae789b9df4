/**
 * 每日自动保存: once a China day, each summary that changed since its newest version gets a
 * version of its own, so a writer can compare with — or put back — a section's text as it was
 * yesterday without anyone having remembered to save one. The newest `keep` daily versions of a
 * summary are kept, older ones removed; versions people saved are never touched. The version's
 * id is made of the summary and the day, so processes sharing a database take it once.
 * Archived summaries are left alone.
 */
import * as Y from 'yjs'
import { chinaIsoDay, formatMonthDay } from '../../shared/chinaDay.js'
import type { Rooms } from '../collab/rooms.js'
import type { Store } from '../store/index.js'
import { NOTHING_SCHEDULED, repeatEvery, type Schedule } from '../schedule.js'
import { isUniqueViolation } from '../store/uniqueViolation.js'
import type { VersionRecord } from '../store/versions.js'
import { docFromState } from './docFromState.js'

export const DAILY_VERSION_PREFIX = '每日自动保存'
const SYSTEM_NAME = '系统'

const isDaily = (version: VersionRecord): boolean => version.createdBy === null && version.name.startsWith(DAILY_VERSION_PREFIX)

/** Whether a stored state holds the same edits as a doc: the same structs and the same deletions. */
const sameState = (stored: Uint8Array, doc: Y.Doc): boolean => {
  const then = docFromState(stored)
  try {
    return Y.equalSnapshots(Y.snapshot(then), Y.snapshot(doc))
  } finally {
    then.destroy()
  }
}

/** Takes today's daily version of every summary that needs one; answers how many were taken. */
export const takeDailyVersions = async (store: Store, rooms: Rooms, keep: number, now = new Date()): Promise<number> => {
  if (keep <= 0) return 0
  const day = chinaIsoDay(now)
  let taken = 0
  for (const summary of await store.catalog.listSummaries()) {
    if (summary.archivedAt !== undefined) continue
    const id = `daily-${day}-${summary.id}`
    const versions = await store.versions.list(summary.id)
    if (versions.some((version) => version.id === id)) continue
    const newest = versions.at(-1)
    const newestData = newest ? (await store.versions.get(summary.id, newest.id))?.data : undefined
    const current = await rooms.withRoom(summary.id, (room) => (newestData && sameState(newestData, room.doc) ? null : Y.encodeStateAsUpdate(room.doc)))
    if (!current) continue
    const version: VersionRecord = { id, summaryId: summary.id, name: `${DAILY_VERSION_PREFIX}（${formatMonthDay(day)}）`, createdBy: null, createdByName: SYSTEM_NAME, createdAt: now.getTime() }
    try {
      await store.versions.insert(version, current)
      taken++
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      continue // another process took it, and keeps the count
    }
    const dailies = [...versions, version].filter(isDaily)
    for (const old of dailies.slice(0, Math.max(0, dailies.length - keep))) await store.versions.remove(summary.id, old.id)
  }
  return taken
}

const FIRST_LOOK_MS = 60_000
const LOOK_EVERY_MS = 60 * 60_000

/** Looks a minute after start-up, then every hour; `keep` 0 turns daily versions off. */
export const scheduleDailyVersions = (store: Store, rooms: Rooms, keep: number, log: (line: string) => void): Schedule =>
  keep <= 0
    ? NOTHING_SCHEDULED
    : repeatEvery(FIRST_LOOK_MS, LOOK_EVERY_MS, async () => {
        try {
          const taken = await takeDailyVersions(store, rooms, keep)
          if (taken) log(`已为 ${taken} 份总结每日自动保存版本`)
        } catch (error) {
          log(`每日自动保存版本失败：${error instanceof Error ? error.message : String(error)}`)
        }
      })
