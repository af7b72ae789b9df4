/**
 * Server-side edits of a live summary's outline (only the server writes `outline`): entries are
 * Y.Maps, so a field change is a map set and a move re-inserts the entry's fields at the new
 * index. Section text lives in its own root and is never touched by outline edits.
 */
import type * as Y from 'yjs'
import { createOutlineEntry, getOutline, readOutline, type OutlineEntry, type SectionWriter } from '../../shared/doc/outline.js'

export const findEntryIndex = (doc: Y.Doc, sectionId: string): number => getOutline(doc).toArray().findIndex((entry) => entry.get('id') === sectionId)

export const updateEntry = (doc: Y.Doc, sectionId: string, fields: Partial<Omit<OutlineEntry, 'id'>>): void => {
  const entry = getOutline(doc).get(findEntryIndex(doc, sectionId))
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) entry.set(key, value)
}

/** Whether the summary opens with a lead (导语); it has at most one, and it is first. */
export const hasLead = (doc: Y.Doc): boolean => getOutline(doc).get(0)?.get('lead') === true

/**
 * Inserts an entry at `index`, clamped to the outline. A lead (导语) always goes first, and
 * nothing else goes before one: every way a section enters the outline (added, moved, restored,
 * brought back by the template) keeps that order.
 */
export const insertEntry = (doc: Y.Doc, index: number, entry: OutlineEntry): void => {
  const outline = getOutline(doc)
  const at = entry.lead ? 0 : Math.max(hasLead(doc) ? 1 : 0, Math.min(index, outline.length))
  outline.insert(at, [createOutlineEntry(entry)])
}

export const removeEntry = (doc: Y.Doc, sectionId: string): void => getOutline(doc).delete(findEntryIndex(doc, sectionId), 1)

/** Moves a section to `position` (its index in the outline after the move). */
export const moveEntry = (doc: Y.Doc, sectionId: string, position: number): void => {
  const from = findEntryIndex(doc, sectionId)
  const entry = readOutline(doc)[from]!
  removeEntry(doc, sectionId)
  insertEntry(doc, position, entry)
}

/** Names a section's 执笔人, or (null) takes the name away. */
export const setWriter = (doc: Y.Doc, sectionId: string, writer: SectionWriter | null): void => {
  const entry = getOutline(doc).get(findEntryIndex(doc, sectionId))
  if (writer) entry.set('writer', writer)
  else entry.delete('writer')
}
