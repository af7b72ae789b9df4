/**
 * 按标题导入: a department's whole part written in one Word file, shared out to its sections.
 * The file's blocks are read in order; a block that reads as a section's title (its typed number
 * and a closing 。 aside — or, numbered, that title and then a first sentence) starts that
 * section's part, and what follows goes there until the next heading. A heading of a section this
 * user may not write, or a numbered line (一、 （一） 1. （1）) that names no section, ends the
 * part before it: what follows it is counted as not imported rather than put under the wrong
 * heading. Text before the first heading is not imported either.
 */
import { escapeHtml } from './export/html.js'
import { stripTypedNumber } from './numbering.js'

export interface DocBlock {
  /** The block's plain text. */
  text: string
  /** The block as HTML, to insert. */
  html: string
}

export interface SectionPart {
  sectionId: string
  blocks: DocBlock[]
}

export interface SplitResult {
  parts: SectionPart[]
  /** Headings in the file that name no section this user may write. */
  unmatched: string[]
  /** Blocks with text that are not imported: before the first heading, or under an unmatched one. */
  skipped: number
}

const HEADING_MARKER = /^\s*(?:[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*(?:[、．]|\.(?!\d)))/
const SENTENCE_END = /[。；;：:]/
/** A numbered line longer than this is a paragraph that happens to start with a number. */
const HEADING_MAX = 40

const normalise = (text: string): string => stripTypedNumber(text).replace(/[\s\u3000]+/g, '').replace(/[。．.；;：:]+$/, '')


/**
 * The section a line is the heading of (its title, numbering aside; or, numbered, its title and
 * then a first sentence, `rest`), among `sections`.
 */
export const headingFinder = <Section extends { title: string }>(sections: readonly Section[]) => {
  const byTitle = new Map(sections.map((section) => [normalise(section.title), section]))
  return (text: string): { section: Section; rest: string } | null => {
    const stripped = stripTypedNumber(text.trim())
    const whole = byTitle.get(normalise(stripped))
    if (whole) return { section: whole, rest: '' }
    const cut = stripped.search(SENTENCE_END)
    const titled = HEADING_MARKER.test(text) && cut > 0 ? byTitle.get(normalise(stripped.slice(0, cut))) : undefined
    return titled ? { section: titled, rest: stripped.slice(cut + 1).trim() } : null
  }
}

export const splitByHeadings = (blocks: readonly DocBlock[], sections: ReadonlyArray<{ id: string; title: string; writable: boolean }>): SplitResult => {
  const headingOf = headingFinder(sections)
  const parts = new Map<string, DocBlock[]>()
  const unmatched: string[] = []
  let current: DocBlock[] | null = null
  let skipped = 0
  for (const block of blocks) {
    const text = block.text.trim()
    const heading = text ? headingOf(text) : null
    if (heading?.section.writable) {
      current = parts.get(heading.section.id) ?? []
      parts.set(heading.section.id, current)
      if (heading.rest) current.push({ text: heading.rest, html: `<p>${escapeHtml(heading.rest)}</p>` })
    } else if (heading || (HEADING_MARKER.test(text) && text.length <= HEADING_MAX)) {
      unmatched.push(text)
      current = null
    } else if (current) current.push(block)
    else if (text) skipped++
  }
  return { parts: [...parts].map(([sectionId, partBlocks]) => ({ sectionId, blocks: partBlocks })), unmatched, skipped }
}
