/**
 * The browser's own copy of each open summary (IndexedDB, y-indexeddb), per user: what a writer
 * typed offline survives closing the tab, a crash or an expired login, and is synced the next
 * time that user opens the summary. Logging out forgets every copy on this browser.
 */
import * as idb from 'lib0/indexeddb'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { ref } from 'vue'

const PREFIX = 'huizong:'

/**
 * A summary is open on this page without a connection to the server: what is typed meanwhile is
 * only in this browser's copy, which logging out would delete (退出 asks first).
 */
export const offlineWork = ref(false)

export const localCopyName = (userId: string, summaryId: string): string => `${PREFIX}${userId}:${summaryId}`

/**
 * The copies this browser has opened, kept beside them: Firefox before 126 (the ESR of 麒麟 and
 * 统信) cannot list IndexedDB databases, and logging out must still find every copy to delete.
 */
const REGISTRY_KEY = 'huizong:local-copies'

const registered = (): string[] => {
  try {
    const names: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]')
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : []
  } catch {
    return []
  }
}

const register = (name: string): void => {
  const names = registered()
  if (!names.includes(name)) localStorage.setItem(REGISTRY_KEY, JSON.stringify([...names, name]))
}

/**
 * Keeps `doc` in the named copy. When another tab deletes the copy (logging out), this one
 * detaches from it instead of throwing on every later change (y-indexeddb writes to the closed
 * database otherwise).
 */
export const openLocalCopy = (name: string, doc: Y.Doc): IndexeddbPersistence => {
  register(name)
  const copy = new IndexeddbPersistence(name, doc)
  copy._db.then((db) => db.addEventListener('versionchange', () => void copy.destroy())).catch(() => {})
  return copy
}

/**
 * Empties a copy after a refusal, so the refused changes do not come back with the next load.
 * Emptied, not deleted: deleting it would close it under another tab of the same writer, whose
 * next change then fails to be stored (y-indexeddb throws on a closed database).
 */
export const emptyLocalCopy = async (name: string): Promise<void> => {
  // The same stores y-indexeddb creates, in case the copy was never opened.
  const db = await idb.openDB(name, (created) => idb.createStores(created, [['updates', { autoIncrement: true }], ['custom']]))
  try {
    const [updates] = idb.transact(db, ['updates'])
    await idb.rtop(updates!.clear())
  } finally {
    db.close()
  }
}

/** Deletes every copy on this browser (an open tab closes its copy when asked). */
export const forgetLocalCopies = async (): Promise<void> => {
  const listed = ((await indexedDB.databases?.()) ?? []).flatMap(({ name }) => (name?.startsWith(PREFIX) ? [name] : []))
  for (const name of new Set([...listed, ...registered()])) void clearDocument(name)
  localStorage.removeItem(REGISTRY_KEY)
}
