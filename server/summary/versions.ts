/**
 * Named versions of a summary: each stores the full Yjs state, so a version can later be opened
 * (docFromState), viewed, exported and compared exactly as it was.
 */
import { chinaIsoDay, formatMonthDay } from '../../shared/chinaDay.js'
import { VERSION_NAME_MAX } from '../../shared/schema/sections.js'
import { createId } from '../ids.js'
import type { User } from '../store/directory.js'
import type { Store } from '../store/index.js'
import type { VersionRecord } from '../store/versions.js'

/** `state`: the summary's full Yjs state (Y.encodeStateAsUpdate). */
export const takeVersion = async (store: Store, summaryId: string, state: Uint8Array, name: string, user: User): Promise<VersionRecord> => {
  const version = { id: createId(), summaryId, name, createdBy: user.id, createdByName: user.displayName, createdAt: Date.now() }
  await store.versions.insert(version, state)
  return version
}

/** The name of the version saved before a section's text goes: 删除“…”前自动保存, 恢复“…”前自动保存. */
export const autoVersionName = (action: '删除' | '恢复', heading: string): string => {
  const space = VERSION_NAME_MAX - `${action}“”前自动保存`.length
  return `${action}“${heading.length > space ? `${heading.slice(0, space - 1)}…` : heading}”前自动保存`
}

/** The version kept when the last section is approved: 全文定稿（12月20日）. */
export const finalVersionName = (now = new Date()): string => `全文定稿（${formatMonthDay(chinaIsoDay(now))}）`
