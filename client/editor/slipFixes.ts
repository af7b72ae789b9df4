/**
 * “一键修正”: the punctuation slips and misused words of a section (shared/punctuation.ts,
 * shared/wording.ts) as text edits (textEdits.ts). A fix that keeps the length
 * ((含下属单位) → （含下属单位）) changes only the characters that differ, so a figure inside
 * the brackets stays a figure; the others (，， → ，, 截止到 → 截至) hold no figure. An edit that
 * would overlap one already taken is left for the next click.
 */
import type { Node } from '@tiptap/pm/model'
import { findPunctuationSlips } from '../../shared/punctuation.js'
import { findWordingSlips } from '../../shared/wording.js'
import { eachParagraphText, type TextEdit } from './textEdits.js'

export const slipFixes = (doc: Node): TextEdit[] => {
  const fixes: TextEdit[] = []
  eachParagraphText(doc, (text, start) => {
    const edits: TextEdit[] = []
    for (const { index, found, fix } of [...findPunctuationSlips(text), ...findWordingSlips(text)]) {
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
