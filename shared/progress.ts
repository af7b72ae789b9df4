/**
 * The progress report (进度): per section and per department — status, 字数 against the word
 * target, open comment threads, missing figures, placeholders left, last edit and editors, and
 * whether it is overdue (still being written after the summary's 截止日期) — and the overall
 * completion. Edit history comes from the server's store.
 */
import type * as Y from 'yjs'
import { readThreads } from './doc/comments.js'
import { isVerified } from './figureVerification.js'
import { readIndicators } from './doc/indicators.js'
import { isOverdue } from './deadline.js'
import { sectionsSentBack } from './workflow.js'
import { readMeta, readOutline, type SectionStatus } from './doc/outline.js'
import { numberOutline } from './numbering.js'
import { analyseSection } from './sectionAnalysis.js'

export interface SectionEditor {
  userId: string
  name: string
  edits: number
  lastEditAt: number
}

export interface SectionProgress {
  id: string
  number: string
  title: string
  level: number
  departmentId: string
  departmentName: string
  status: SectionStatus
  words: number
  wordTarget: number
  unresolvedComments: number
  missingFigures: number
  placeholders: number
  /** Figures typed by hand that the indicator data contradicts (请核对). */
  figureChecks: number
  /** Punctuation slips: half-width marks in Chinese text, doubled marks, stray spaces. */
  punctuation: number
  /** Misused words (布署 for 部署). */
  wording: number
  /** Paragraphs reporting results with nothing checkable in them (空泛). */
  vague: number
  /** Still 撰写中 after the summary's deadline. */
  overdue: boolean
  /** Sent back (退回修改) and the return's comment not yet resolved: the department has work to do. */
  returned: boolean
  /** 执笔人's name, null when none is named. */
  writer: string | null
  lastEditAt: number | null
  editors: SectionEditor[]
}

export interface Tally {
  sections: number
  drafting: number
  review: number
  final: number
  words: number
  wordTarget: number
  unresolvedComments: number
  missingFigures: number
  placeholders: number
  vague: number
  overdue: number
  returned: number
}

export interface DepartmentProgress extends Tally {
  departmentId: string
  name: string
  /** Open threads on other departments' sections that mention this one (@部门), in text or replies. */
  mentions: number
}

export interface ProgressReport {
  /** The summary's title, for the page and its tab. */
  title: string
  /** The summary's 截止日期 (`YYYY-MM-DD`), null when none is set. */
  dueDate: string | null
  /** The summary's 全文字数上限, null when none is set. */
  wordLimit: number | null
  overall: Tally & { completion: number }
  sections: SectionProgress[]
  departments: DepartmentProgress[]
  /** Open threads that name a person (@姓名), in text or replies, by user id. */
  people: Record<string, number>
  /** The figures typed in (rates, computed, aside): how many, filled in, checked (核实). */
  figures: { total: number; filled: number; verified: number }
}

const emptyTally = (): Tally => ({ sections: 0, drafting: 0, review: 0, final: 0, words: 0, wordTarget: 0, unresolvedComments: 0, missingFigures: 0, placeholders: 0, vague: 0, overdue: 0, returned: 0 })

const add = (tally: Tally, section: SectionProgress): void => {
  tally.sections++
  tally[section.status]++
  tally.words += section.words
  tally.wordTarget += section.wordTarget
  tally.unresolvedComments += section.unresolvedComments
  tally.missingFigures += section.missingFigures
  tally.placeholders += section.placeholders
  tally.vague += section.vague
  if (section.overdue) tally.overdue++
  if (section.returned) tally.returned++
}

export interface ProgressInput {
  activity: ReadonlyArray<{ sectionId: string; userId: string; edits: number; lastEditAt: number }>
  departmentName: (id: string) => string
  userName: (id: string) => string
  /** Today in China, `YYYY-MM-DD` (chinaIsoDay). */
  today: string
}

export const buildProgress = (doc: Y.Doc, { activity, departmentName, userName, today }: ProgressInput): ProgressReport => {
  const { title, dueDate, wordLimit } = readMeta(doc)
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  const typedFigures = Object.values(figures).filter((figure) => !figure.ratio)
  const owners = new Map(outline.map((entry) => [entry.id, entry.departmentId]))
  const openThreads = new Map<string, number>()
  const mentions = new Map<string, number>()
  const people: Record<string, number> = {}
  const threads = readThreads(doc)
  const returnedSections = sectionsSentBack(threads)
  for (const thread of threads) {
    if (thread.resolved) continue
    for (const userId of new Set([thread, ...thread.replies].flatMap((item) => item.mentionedPeople))) people[userId] = (people[userId] ?? 0) + 1
    openThreads.set(thread.sectionId, (openThreads.get(thread.sectionId) ?? 0) + 1)
    const mentioned = new Set([...thread.mentions, ...thread.replies.flatMap((reply) => reply.mentions)])
    mentioned.delete(owners.get(thread.sectionId) ?? '')
    for (const departmentId of mentioned) mentions.set(departmentId, (mentions.get(departmentId) ?? 0) + 1)
  }

  const sections = outline.map((entry, index): SectionProgress => {
    const analysis = analyseSection(doc, entry.id, figures, outline)
    const editors = activity
      .filter((row) => row.sectionId === entry.id)
      .map((row) => ({ userId: row.userId, name: userName(row.userId), edits: row.edits, lastEditAt: row.lastEditAt }))
      .sort((a, b) => b.lastEditAt - a.lastEditAt)
    return {
      id: entry.id,
      number: numbers[index]!,
      title: entry.title,
      level: entry.level,
      departmentId: entry.departmentId,
      departmentName: departmentName(entry.departmentId),
      status: entry.status,
      words: analysis.words,
      wordTarget: entry.wordTarget,
      unresolvedComments: openThreads.get(entry.id) ?? 0,
      missingFigures: analysis.missingKeys.length,
      placeholders: [...analysis.placeholders.values()].reduce((sum, count) => sum + count, 0),
      figureChecks: analysis.typedMismatches.length,
      punctuation: analysis.punctuation.length,
      wording: analysis.wording.length,
      vague: analysis.vague.length,
      overdue: isOverdue(entry.status, dueDate, today),
      returned: entry.status === 'drafting' && returnedSections.has(entry.id),
      writer: entry.writer?.name ?? null,
      lastEditAt: editors[0]?.lastEditAt ?? null,
      editors,
    }
  })

  const overall = emptyTally()
  const byDepartment = new Map<string, DepartmentProgress>()
  for (const section of sections) {
    add(overall, section)
    const department = byDepartment.get(section.departmentId) ?? { ...emptyTally(), departmentId: section.departmentId, name: section.departmentName, mentions: mentions.get(section.departmentId) ?? 0 }
    add(department, section)
    byDepartment.set(section.departmentId, department)
  }
  return {
    title,
    dueDate: dueDate ?? null,
    wordLimit: wordLimit ?? null,
    overall: { ...overall, completion: overall.sections === 0 ? 0 : overall.final / overall.sections },
    sections,
    departments: [...byDepartment.values()],
    people,
    figures: {
      total: typedFigures.length,
      filled: typedFigures.filter((figure) => figure.value !== null).length,
      verified: typedFigures.filter(isVerified).length,
    },
  }
}
