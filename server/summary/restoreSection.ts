/**
 * Brings a deleted section back as a version had it: its outline entry (writing again, 撰写中),
 * placed after the nearest section that preceded it then and is still there, and its text.
 * Deleting only removes the outline entry, so the summary's doc usually still holds exactly that
 * text; it is then left as it is, with the comments anchored in it. Only when the text differs
 * from the version's is it replaced by a copy of the version's.
 */
import * as Y from 'yjs'
import { readOutline } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { insertEntry } from './outlineEdits.js'

/**
 * `then` is the version's doc and must list `sectionId` in its outline. `keepStatus`: as `then`
 * had it (putting back a deletion that could not be completed), not writing again.
 */
export const restoreSection = (doc: Y.Doc, then: Y.Doc, sectionId: string, { keepStatus = false } = {}): void => {
  const past = readOutline(then)
  const index = past.findIndex((entry) => entry.id === sectionId)
  const present = readOutline(doc).map((entry) => entry.id)
  const before = past.slice(0, index).reverse().find((entry) => present.includes(entry.id))
  insertEntry(doc, before ? present.indexOf(before.id) + 1 : 0, keepStatus ? past[index]! : { ...past[index]!, status: 'drafting' })

  replaceSectionText(doc, then, sectionId)
}

/** Whether the section's text in `doc` is the text `then` had. */
export const sameSectionText = (doc: Y.Doc, then: Y.Doc, sectionId: string): boolean =>
  doc.getXmlFragment(sectionRoot(sectionId)).toString() === then.getXmlFragment(sectionRoot(sectionId)).toString()

/** The section's text as `then` had it, unless it is that already (then comments keep their anchors). */
export const replaceSectionText = (doc: Y.Doc, then: Y.Doc, sectionId: string): void => {
  if (sameSectionText(doc, then, sectionId)) return
  const text = doc.getXmlFragment(sectionRoot(sectionId))
  text.delete(0, text.length)
  text.insert(0, then.getXmlFragment(sectionRoot(sectionId)).toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()))
}
