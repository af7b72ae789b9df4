/**
 * 从 Word 生成模板: the outline of a summary read from its paragraphs, for an office bringing last
 * year's Word file into Huizong. Headings are found by the markers typed in front of them (一、
 * （一） 1. （1）, GB/T 9704 order), as deep as asked; a heading that is a whole sentence keeps its
 * first clause (1.加强领导，成立组织机构。→ 加强领导，成立组织机构 … up to 。；：). The first
 * paragraph naming a 总结 before any heading gives the title, its organisation and year made
 * placeholders; other text before 一、 makes a 导语. Body text is not carried: the outline is
 * the template, the words are this year's to write.
 */
import { stripTypedNumber } from './numbering.js'
import { nestSections, type Template } from './schema/template.js'
import { yearPlaceholders } from './yearText.js'

const MARKERS: ReadonlyArray<RegExp> = [
  /^[一二三四五六七八九十]+\s*[、．.]/,
  /^[（(]\s*[一二三四五六七八九十]+\s*[）)]/,
  /^\d+\s*(?:[、．]|\.(?!\d))/,
  /^[（(]\s*\d+\s*[）)]/,
]
const TITLE_MAX = 60
const DEFAULT_TITLE = '{organisation}{year}年度工作总结'

export interface DraftHeading {
  level: number
  title: string
}

export interface DraftOutline {
  /** The template title, with {organisation}, {year} and {nextYear}. */
  title: string
  /** Text stood before 一、: the summary opens with a 导语. */
  lead: boolean
  headings: DraftHeading[]
}

const levelOf = (paragraph: string, deepest: number): number => MARKERS.slice(0, deepest).findIndex((marker) => marker.test(paragraph)) + 1

/** A heading's title: without its marker, its first clause when it is a sentence. */
const headingTitle = (paragraph: string): string => {
  const text = stripTypedNumber(paragraph)
  const clause = text.split(/[。；;：:！？]/)[0]!.trim()
  return (clause.length >= 2 ? clause : text).slice(0, TITLE_MAX)
}

/**
 * `XX管委会2025年工作总结和2026年工作打算` → `{organisation}{year}年工作总结和{nextYear}年工作打算`,
 * with the year the file is about (null when written 20xx or in Chinese numerals).
 */
const templateTitle = (paragraph: string): { title: string; year: number | null } => {
  const match = /^(.*?)(20\d{2}|20[xX×*]{2}|二〇[〇零一二三四五六七八九]{2})\s*(年.*)$/.exec(paragraph)
  if (!match) return { title: DEFAULT_TITLE, year: null }
  const year = /^\d{4}$/.test(match[2]!) ? Number(match[2]) : null
  return { title: `${match[1] ? '{organisation}' : ''}{year}${year ? yearPlaceholders(match[3]!, year) : match[3]}`, year }
}

export const outlineFromParagraphs = (paragraphs: readonly string[], deepest = 2): DraftOutline => {
  let title: { title: string; year: number | null } | null = null
  let lead = false
  const headings: DraftHeading[] = []
  for (const raw of paragraphs) {
    const paragraph = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    if (!paragraph) continue
    const level = levelOf(paragraph, deepest)
    if (level > 0) {
      const heading = headingTitle(paragraph)
      if (heading) headings.push({ level, title: heading })
    } else if (headings.length === 0) {
      if (title === null && paragraph.length <= TITLE_MAX && paragraph.includes('总结')) title = templateTitle(paragraph)
      else lead = true
    }
  }
  // 2026年工作打算 in a 2025 file is next year's plan whatever year the template is used for.
  const year = title?.year
  return {
    title: title?.title ?? DEFAULT_TITLE,
    lead: lead && headings[0]?.level === 1,
    headings: year ? headings.map((heading) => ({ ...heading, title: yearPlaceholders(heading.title, year) })) : headings,
  }
}

/**
 * The draft as a template: every section the office's (办公室), to be assigned in the outline
 * editor; a heading deeper than the one before it by more than a level is nested one level down.
 */
export const templateFromOutline = (draft: DraftOutline, id: string, department = '办公室'): Template => ({
  id,
  title: draft.title,
  departments: [department],
  sections: [
    ...(draft.lead ? [{ id: 'lead', title: '导语', department, lead: true }] : []),
    ...nestSections(draft.headings.map((heading, index) => ({ level: heading.level, section: { id: `s${index + 1}`, title: heading.title, department } }))),
  ],
  indicators: [],
})
