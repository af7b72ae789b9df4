/**
 * “一键修正”: the punctuation slips and misused words of a section (shared/punctuation.ts,
 * shared/wording.ts) as text edits (textEdits.ts). A fix that keeps the length
 * ((含下属单位) → （含下属单位）) changes only the characters that differ, so a figure inside
 * the brackets stays a figure; the others (，， → ，, 截止到 → 截至) hold no figure. An edit that
 * would overlap one already taken is left for the next click.
 */
import type { Editor } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { findPunctuationSlips } from '../../shared/punctuation.js'
import { findMisusedWords, findOrdinalSlips } from '../../shared/wording.js'
import type { PunctuationSlip } from '../../shared/punctuation.js'
import { applyAsOneUndoStep, eachParagraphText, type TextEdit } from './textEdits.js'

/**
 * Ordinals out of turn (一是、二是、四是) per paragraph: their runs span paragraphs, so they are
 * found in the section's paragraphs read as lines, as the section's analysis reads them.
 */
const ordinalSlipsByParagraph = (doc: Node): Map<number, PunctuationSlip[]> => {
  const paragraphs: Array<{ text: string; start: number; at: number }> = []
  let at = 0
  eachParagraphText(doc, (text, start) => {
    paragraphs.push({ text, start, at })
    at += text.length + 1
  })
  const byParagraph = new Map<number, PunctuationSlip[]>()
  for (const slip of findOrdinalSlips(paragraphs.map((paragraph) => paragraph.text).join('\n'))) {
    const paragraph = [...paragraphs].reverse().find((candidate) => candidate.at <= slip.index)!
    byParagraph.set(paragraph.start, [...(byParagraph.get(paragraph.start) ?? []), { ...slip, index: slip.index - paragraph.at }])
  }
  return byParagraph
}

export const slipFixes = (doc: Node): TextEdit[] => {
  const fixes: TextEdit[] = []
  const ordinals = ordinalSlipsByParagraph(doc)
  eachParagraphText(doc, (text, start) => {
    const edits: TextEdit[] = []
    for (const { index, found, fix } of [...findPunctuationSlips(text), ...findMisusedWords(text), ...(ordinals.get(start) ?? [])]) {
      const from = start + index
      if (found.length !== fix.length) edits.push({ from, to: from + found.length, insert: fix })
      else for (let at = 0; at < found.length; at++) if (found[at] !== fix[at]) edits.push({ from: from + at, to: from + at + 1, insert: fix[at]! })
    }
    let end = -1
    for (const edit of edits.sort((a, b) => a.from - b.from)) {
      if (edit.from < end) continue
      fixes.push(edit)
      end = edit.to
    }
  })
  return fixes
}

/** A section's 一键修正, as one undo step. */
export const applySlipFixes = (editor: Editor): void => applyAsOneUndoStep(editor, slipFixes(editor.state.doc))
