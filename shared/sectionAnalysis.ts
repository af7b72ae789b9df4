/**
 * What the preflight and the progress page need to know of one section, computed once: its
 * content blocks, 字数 (figures included, as printed), placeholders left in the typed text, the
 * figures it uses that have no value and typed figures that contradict the data; the slips of
 * punctuation and wording, personal numbers, and, in a section reporting results, the paragraphs
 * with nothing checkable in them (空泛).
 */
import type * as Y from 'yjs'
import { readOutline } from './doc/outline.js'
import { findVagueLines, reportsResults } from './vagueText.js'
import { readSectionBlocks, readSectionIndicatorKeys } from './export/buildExportDocument.js'
import { inlineText, type Block, type Inline } from './export/model.js'
import type { IndicatorData } from './indicators/types.js'
import { FIGURE_MARK, findPunctuationSlips, type PunctuationSlip } from './punctuation.js'
import { findTypedFigureMismatches, type TypedFigureMismatch } from './typedFigures.js'
import { findTargetClaims } from './targetClaims.js'
import { findWordingSlips } from './wording.js'
import { findPersonalInfo, type PersonalItem } from './personalInfo.js'
import { countWords } from './wordCount.js'
import { matchAllAfter } from './lookbehind.js'

/**
 * Placeholders seen in real drafts: 20xx, 20**, 201*, xx/XX/××, **, □ and 【待填…】 gaps. xx is
 * not one inside a word (Xbox, taxx): not after a letter, checked apart (lookbehind.ts).
 */
const PLACEHOLDER_PATTERN = /20[xX×*＊]{2}|20\d[*＊]|[xX×]{2,}(?![A-Za-z])|[*＊]{2,}|□+|【待填[^】]*】/g
const notAfterLetter = (match: RegExpExecArray, before: string): boolean => !/^[xX×]/.test(match[0]) || !/[A-Za-z]/.test(before)

/** Distinct placeholders in a text with how often each occurs. */
export const findPlaceholders = (text: string): Map<string, number> => {
  const found = new Map<string, number>()
  for (const match of matchAllAfter(text, PLACEHOLDER_PATTERN, notAfterLetter)) found.set(match[0], (found.get(match[0]) ?? 0) + 1)
  return found
}

/**
 * The text of blocks, figures as printed; or only what was typed: figures left out (`omit`: a
 * missing figure is its own problem) or each one FIGURE_MARK (`mark`), tables of figures left out
 * either way.
 */
export const blocksText = (blocks: readonly Block[], figures: 'print' | 'omit' | 'mark' = 'print'): string =>
  blocks
    .map((block) => {
      if (block.kind === 'paragraph') return inlinesText(block.inlines, figures)
      if (block.kind === 'list') return block.items.map((item) => blocksText(item, figures)).join('\n')
      // A writers' table is typed text like a paragraph, a cell a line of it.
      if (block.kind === 'grid') return block.rows.flatMap((row) => row.map((cell) => inlinesText(cell.inlines, figures))).join('\n')
      return figures === 'print' ? block.rows.map((row) => row.join(' ')).join('\n') : ''
    })
    .join('\n')

const inlinesText = (inlines: readonly Inline[], figures: 'print' | 'omit' | 'mark'): string => {
  if (figures === 'print') return inlineText(inlines)
  if (figures === 'omit') return inlineText(inlines.filter((inline) => inline.kind !== 'text' || !inline.figure))
  return inlineText(inlines.map((inline) => (inline.kind === 'text' && inline.figure ? { ...inline, text: FIGURE_MARK } : inline)))
}

export interface SectionAnalysis {
  blocks: Block[]
  words: number
  placeholders: Map<string, number>
  /** Keys used in the section, in order of first use. */
  indicatorKeys: string[]
  missingKeys: string[]
  /** Figures typed by hand, or targets claimed met (超额完成), that the indicator data contradicts. */
  typedMismatches: TypedFigureMismatch[]
  /** Half-width marks in Chinese text, doubled marks, spaces between characters. */
  punctuation: PunctuationSlip[]
  /** Misused words (布署 for 部署). */
  wording: PunctuationSlip[]
  /** Mobile numbers and ID numbers typed in the text (个人信息). */
  personal: PersonalItem[]
  /** Paragraphs reporting results without a number, figure or named thing (空泛), as typed. */
  vague: string[]
}

/** 字数 of blocks as printed (figures as their values, tables included), as Word/WPS count them. */
const blocksWords = (blocks: readonly Block[]): number => countWords(blocksText(blocks))

/** A section's 字数 alone, as the progress report counts it. */
export const sectionWords = (doc: Y.Doc, sectionId: string, figures: Readonly<Record<string, IndicatorData>>): number => blocksWords(readSectionBlocks(doc, sectionId, figures))

/** 全文字数: every section's 字数, as the progress report adds them up. */
export const summaryWords = (doc: Y.Doc, figures: Readonly<Record<string, IndicatorData>>): number =>
  readOutline(doc).reduce((sum, entry) => sum + sectionWords(doc, entry.id, figures), 0)

/** `outline`: the summary's, when the caller has read it already (a reading of every section). */
export const analyseSection = (doc: Y.Doc, sectionId: string, figures: Readonly<Record<string, IndicatorData>>, outline = readOutline(doc)): SectionAnalysis => {
  const blocks = readSectionBlocks(doc, sectionId, figures)
  const indicatorKeys = [...new Set(readSectionIndicatorKeys(doc, sectionId))]
  const typed = blocksText(blocks, 'omit')
  const marked = blocksText(blocks, 'mark')
  return {
    blocks,
    words: blocksWords(blocks),
    placeholders: findPlaceholders(typed),
    typedMismatches: [...findTypedFigureMismatches(typed, figures), ...findTargetClaims(blocksText(blocks), indicatorKeys, figures)],
    punctuation: findPunctuationSlips(marked),
    wording: findWordingSlips(marked),
    personal: findPersonalInfo(typed),
    vague: reportsResults(outline, outline.findIndex((entry) => entry.id === sectionId)) ? findVagueLines(marked) : [],
    indicatorKeys,
    missingKeys: indicatorKeys.filter((key) => figures[key]?.value === null || !figures[key]),
  }
}
