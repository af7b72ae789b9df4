/**
 * 导入上年 Word 总结: for a summary whose last year exists only as a Word file (the first year in
 * Huizong), that file becomes an archived summary this one continues, so 查看上年这一节 and the
 * 与上年相同 check work as they do for a summary continued from last year's in Huizong. The
 * file's text is shared out by its headings (shared/splitByHeadings.ts) to the sections of the
 * same title; the archived summary has this summary's outline (same section ids), every section
 * final, no figures.
 */
import * as Y from 'yjs'
import { createOutlineEntry, getOutline, readMeta, readOutline, writeMeta } from '../../shared/doc/outline.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { splitByHeadings, type SplitResult } from '../../shared/splitByHeadings.js'
import { escapeHtml } from '../../shared/export/html.js'

/** The file's paragraphs shared out to `current`'s sections by their titles. */
export const splitEarlierText = (current: Y.Doc, paragraphs: readonly string[]): SplitResult =>
  splitByHeadings(
    paragraphs.map((text) => ({ text, html: `<p>${escapeHtml(text)}</p>` })),
    readOutline(current).map((entry) => ({ id: entry.id, title: entry.title, writable: true })),
  )

/** The title the archived summary goes by: the file's own first line when it is one, else last year's. */
const earlierTitle = (paragraphs: readonly string[], fallback: string): string => {
  const first = paragraphs.map((text) => text.trim()).find(Boolean) ?? ''
  return first.includes('总结') && first.length <= 60 ? first : fallback
}

export const buildEarlierFromWord = (current: Y.Doc, paragraphs: readonly string[], split: SplitResult): { doc: Y.Doc; title: string; year: number } => {
  const meta = readMeta(current)
  const year = meta.year - 1
  const title = earlierTitle(paragraphs, meta.title.replace(String(meta.year), String(year)))
  const parts = new Map(split.parts.map((part) => [part.sectionId, part.blocks.map((block) => block.text.trim()).filter(Boolean)]))
  const doc = new Y.Doc()
  doc.transact(() => {
    writeMeta(doc, { title, year, organisation: meta.organisation, templateId: meta.templateId })
    const outline = getOutline(doc)
    for (const { writer: _writer, ...entry } of readOutline(current)) {
      outline.push([createOutlineEntry({ ...entry, status: 'final' })])
      const paragraphsOfSection = (parts.get(entry.id) ?? []).map((text) => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(text)])
        return paragraph
      })
      doc.getXmlFragment(sectionRoot(entry.id)).insert(0, paragraphsOfSection)
    }
  })
  return { doc, title, year }
}
