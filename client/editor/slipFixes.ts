/**
 * “一键修正”: the punctuation slips and misused words of a section (shared/punctuation.ts,
 * shared/wording.ts) as edits of the editor's document, so the fix is one undoable transaction
 * that reaches colleagues like any typing.
 * Each paragraph is read with a figure as FIGURE_MARK and a line break as \n, one character per
 * leaf node, so an offset in the text is an offset in the paragraph. A fix that keeps the length
 * ((含下属单位) → （含下属单位）) changes only the characters that differ, so a figure inside
 * the brackets stays a figure; the others (，， → ，, 截止到 → 截至) hold no figure. An edit that
 * would overlap one already taken is left for the next click.
 */
import type { Node } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { FIGURE_MARK, findPunctuationSlips } from '../../shared/punctuation.js'
import { findWordingSlips } from '../../shared/wording.js'

export interface SlipFix {
  from: number
  to: number
  insert: string
}

export const slipFixes = (doc: Node): SlipFix[] => {
  const fixes: SlipFix[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const text = node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : FIGURE_MARK))
    const edits: SlipFix[] = []
    for (const { index, found, fix } of [...findPunctuationSlips(text), ...findWordingSlips(text)]) {
      const from = pos + 1 + index
      if (found.length !== fix.length) edits.push({ from, to: from + found.length, insert: fix })
      else for (let at = 0; at < found.length; at++) if (found[at] !== fix[at]) edits.push({ from: from + at, to: from + at + 1, insert: fix[at]! })
    }
    let end = -1
    for (const edit of edits.sort((a, b) => a.from - b.from)) {
      if (edit.from < end) continue
      fixes.push(edit)
      end = edit.to
    }
    return false
  })
  return fixes
}

/** Applies the fixes last to first, so the earlier positions stay valid. */
export const applySlipFixes = (tr: Transaction, fixes: readonly SlipFix[]): Transaction => {
  for (const { from, to, insert } of [...fixes].sort((a, b) => b.from - a.from)) {
    if (insert) tr.insertText(insert, from, to)
    else tr.delete(from, to)
  }
  return tr
}
