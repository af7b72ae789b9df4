/**
 * The browser's own copy of each open summary (IndexedDB, y-indexeddb), per user: what a writer
 * typed offline survives closing the tab, a crash or an expired login, and is synced the next
 * time that user opens the summary. Logging out forgets every copy on this browser.
 */
import { clearDocument } from 'y-indexeddb'

const PREFIX = 'huizong:'

export const localCopyName = (userId: string, summaryId: string): string => `${PREFIX}${userId}:${summaryId}`

/** Deletes one copy (after a refusal, so the refused changes do not come back); other tabs let go of it. */
export const forgetLocalCopy = (name: string): Promise<void> => clearDocument(name)

/** Deletes every copy on this browser (an open tab closes its copy when asked: lib0 does so on versionchange). */
export const forgetLocalCopies = async (): Promise<void> => {
  const databases = (await indexedDB.databases?.()) ?? []
  for (const { name } of databases) if (name?.startsWith(PREFIX)) void clearDocument(name)
}
