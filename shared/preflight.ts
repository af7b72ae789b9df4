/**
 * Preflight: what should be fixed before the final export — empty sections, figures without
 * values, placeholders left in the text, unresolved comment threads, sections not yet final.
 * Used by the API, the export dialog and the progress page.
 */
import type * as Y from 'yjs'
import { figureOutliers } from './figureOutliers.js'
import { unverifiedFigures } from './figureVerification.js'
import { formatValue } from './indicators/format.js'
import { readThreads } from './doc/comments.js'
import { readIndicators } from './doc/indicators.js'
import { readMeta, readOutline } from './doc/outline.js'
import { countSubsections, numberOutline } from './numbering.js'
import { describeSlip, type PunctuationSlip } from './punctuation.js'
import { findRepeatedSentences, sentencesOf } from './repeatedText.js'
import { readSectionBlocks } from './export/buildExportDocument.js'
import { describeWordingSlip } from './wording.js'
import { describeMismatch } from './typedFigures.js'
import { describePersonalInfo, PERSONAL_ADVICE } from './personalInfo.js'
import { VAGUE_ADVICE } from './vagueText.js'
import { quoteStart } from './quoteStart.js'
import { analyseSection, blocksText } from './sectionAnalysis.js'

export type PreflightKind = 'empty-section' | 'missing-indicator' | 'placeholder' | 'unresolved-comment' | 'not-final'

export interface PreflightProblem {
  kind: PreflightKind
  sectionId?: string
  key?: string
  threadId?: string
  message: string
}

/**
 * Worth a look, not a blocker (“请核对”): a figure typed by hand that the indicator data
 * contradicts (`figure`, with its key), a figure ten times last year's or its target or under a
 * tenth (`outlier`, with its key and the first section showing it, if any), a figure filled in
 * that no section shows (`unused`, with its key: reported and then left out), figures filled in
 * and not yet checked once the office has begun checking them (`unverified`, one for all), a section's
 * punctuation slips (`punctuation`), its misused words (`wording`), or sentences it carries word
 * for word from the summary it continues (`repeated`), mobile or ID numbers in its text
 * (`personal`), paragraphs of results with nothing checkable in them (`vague`, 空泛), or the whole
 * summary longer than the office's 全文字数上限 (`length`, no section; then the sections furthest
 * over their 字数目标, `length` with their section).
 */
export interface Check {
  kind: 'figure' | 'outlier' | 'unused' | 'unverified' | 'punctuation' | 'wording' | 'repeated' | 'length' | 'personal' | 'vague'
  /** Absent only for an outlier no section shows. */
  sectionId?: string
  key?: string
  message: string
}

/** How many kinds of slip a check describes by name; the rest are counted. */
const SLIPS_NAMED = 3

/** 3 处：“,”应为“，”；半角括号()应为（）等. */
const listSlips = (slips: readonly PunctuationSlip[], describe: (slip: PunctuationSlip) => string): string => {
  const named = [...new Set(slips.map(describe))]
  return `${slips.length} 处：${named.slice(0, SLIPS_NAMED).join('；')}${named.length > SLIPS_NAMED ? '等' : ''}`
}

/** Every sentence typed in a summary without a figure in it, to find it again next year. */
const typedSentences = (doc: Y.Doc): Set<string> =>
  new Set(readOutline(doc).flatMap((entry) => sentencesOf(blocksText(readSectionBlocks(doc, entry.id), 'mark'))))

/** 全文 6320 字，超过要求的 5000 字（多 1320 字）. */
export const lengthMessage = (words: number, limit: number): string => `全文 ${words} 字，超过要求的 ${limit} 字（多 ${words - limit} 字），请压缩`

/** How many sections over their 字数目标 a summary over its 全文字数上限 names. */
const SECTIONS_TO_CUT = 5


/**
 * The preflight in one reading of every section: the problems of DESIGN.md's preflight, and
 * apart from them what to check (“请核对”): a typed number may be right for a reason the data
 * does not know, and a half-width mark may be meant, so neither is a problem kind. `earlier`:
 * the summary this one continues (meta.basedOn), to find sentences copied from it.
 */
export const checkSummary = (doc: Y.Doc, earlier?: Y.Doc): { problems: PreflightProblem[]; checks: Check[] } => {
  const lastYear = earlier ? typedSentences(earlier) : null
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  const problems: PreflightProblem[] = []
  const checks: Check[] = []
  const usedIn = new Map<string, string>()
  const levels = outline.map((entry) => entry.level)
  let words = 0
  /** Sections longer than their 字数目标, for a summary over its 全文字数上限. */
  const overTarget: Array<{ sectionId: string; name: string; words: number; target: number }> = []

  outline.forEach((entry, index) => {
    const name = `${numbers[index]}${entry.title}`
    const analysis = analyseSection(doc, entry.id, figures, outline)
    words += analysis.words
    if (entry.wordTarget > 0 && analysis.words > entry.wordTarget) overTarget.push({ sectionId: entry.id, name, words: analysis.words, target: entry.wordTarget })
    if (analysis.blocks.length === 0)
      problems.push({ kind: 'empty-section', sectionId: entry.id, message: countSubsections(levels, index) > 0 ? `“${name}”只有标题（如无需引言可忽略）` : `“${name}”还没有内容` })
    for (const [placeholder, count] of analysis.placeholders)
      problems.push({ kind: 'placeholder', sectionId: entry.id, message: `“${name}”中有占位符“${placeholder}”${count > 1 ? ` ${count} 处` : ''}` })
    for (const key of analysis.indicatorKeys) if (!usedIn.has(key)) usedIn.set(key, entry.id)
    if (entry.status !== 'final') problems.push({ kind: 'not-final', sectionId: entry.id, message: `“${name}”尚未定稿` })
    for (const mismatch of analysis.typedMismatches)
      checks.push({ kind: 'figure', sectionId: entry.id, key: mismatch.key, message: `“${name}”中${describeMismatch(mismatch)}，${mismatch.claim ? '请核对' : '请核对或改用指标'}` })
    if (analysis.punctuation.length)
      checks.push({ kind: 'punctuation', sectionId: entry.id, message: `“${name}”中标点不合公文规范 ${listSlips(analysis.punctuation, describeSlip)}` })
    if (analysis.wording.length)
      checks.push({ kind: 'wording', sectionId: entry.id, message: `“${name}”中用词有误 ${listSlips(analysis.wording, describeWordingSlip)}` })
    if (analysis.personal.length)
      checks.push({ kind: 'personal', sectionId: entry.id, message: `“${name}”中有个人信息：${describePersonalInfo(analysis.personal)}，${PERSONAL_ADVICE}` })
    if (analysis.vague.length)
      checks.push({ kind: 'vague', sectionId: entry.id, message: `“${name}”中有 ${analysis.vague.length} 段没有数字或具体事例，如“${quoteStart(analysis.vague[0]!)}”，${VAGUE_ADVICE}` })
    const repeated = lastYear ? findRepeatedSentences(blocksText(analysis.blocks, 'mark'), lastYear) : []
    if (repeated.length) {
      const first = repeated[0]!
      checks.push({ kind: 'repeated', sectionId: entry.id, message: `“${name}”中有 ${repeated.length} 句与上年总结原文相同，如“${quoteStart(first)}”，请确认是否需要更新` })
    }
  })

  const { wordLimit } = readMeta(doc)
  if (wordLimit && words > wordLimit) {
    checks.push({ kind: 'length', message: lengthMessage(words, wordLimit) })
    // Where to cut first: the sections furthest over their own 字数目标.
    for (const over of overTarget.sort((a, b) => b.words - b.target - (a.words - a.target)).slice(0, SECTIONS_TO_CUT))
      checks.push({ kind: 'length', sectionId: over.sectionId, message: `“${over.name}”${over.words} 字，超出本节字数目标（${over.target} 字）${over.words - over.target} 字` })
  }

  for (const [key, figure] of Object.entries(figures)) {
    if (figure.value !== null) continue
    const sectionId = usedIn.get(key)
    const missing = figure.ratio
      ? `尚无法计算（需先填报${[figure.ratio.part, figure.ratio.whole].map((part) => `“${figures[part]?.label ?? part}”`).join('和')}）`
      : '尚未填报'
    problems.push({ kind: 'missing-indicator', key, ...(sectionId ? { sectionId } : {}), message: `指标“${figure.label}”（${key}）${missing}${sectionId ? '，正文中显示为【待填】' : ''}` })
  }

  for (const [key, figure] of Object.entries(figures)) {
    if (figure.value !== null && !usedIn.has(key)) checks.push({ kind: 'unused', key, message: `指标“${figure.label}”已填报（${formatValue(figure)}），但正文中没有用到，如需写入请在相关章节中用 # 插入` })
  }

  const unverified = unverifiedFigures(figures)
  if (unverified.length > 0) {
    const labels = unverified.map((key) => figures[key]!.label)
    checks.push({ kind: 'unverified', message: `${unverified.length} 项已填报的指标尚未核实：${labels.slice(0, 5).join('、')}${labels.length > 5 ? '等' : ''}` })
  }

  for (const { key, message } of figureOutliers(figures)) {
    const sectionId = usedIn.get(key)
    checks.push({ kind: 'outlier', key, ...(sectionId ? { sectionId } : {}), message })
  }

  const titles = new Map(outline.map((entry, index) => [entry.id, `${numbers[index]}${entry.title}`]))
  for (const thread of readThreads(doc)) {
    // A deleted section's threads are out of reach until it is restored: nothing to fix now.
    if (thread.resolved || !titles.has(thread.sectionId)) continue
    problems.push({ kind: 'unresolved-comment', sectionId: thread.sectionId, threadId: thread.id, message: `“${titles.get(thread.sectionId)}”有未解决的评论：${thread.authorName}：${thread.text.slice(0, 40)}` })
  }
  return { problems, checks }
}

export const runPreflight = (doc: Y.Doc): PreflightProblem[] => checkSummary(doc).problems

/** Counts of problems by kind, for the export dialog. */
export const countProblems = (problems: readonly PreflightProblem[]): Record<PreflightKind, number> => {
  const counts: Record<PreflightKind, number> = { 'empty-section': 0, 'missing-indicator': 0, placeholder: 0, 'unresolved-comment': 0, 'not-final': 0 }
  for (const problem of problems) counts[problem.kind]++
  return counts
}

export const PREFLIGHT_LABELS: Record<PreflightKind, string> = {
  'empty-section': '空章节',
  'missing-indicator': '未填报的指标',
  placeholder: '遗留占位符',
  'unresolved-comment': '未解决的评论',
  'not-final': '未定稿的章节',
}
