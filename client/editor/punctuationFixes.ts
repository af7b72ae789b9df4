/**
 * “修正标点”: the punctuation slips of a section (shared/punctuation.ts) as edits of the editor's
 * document, so the fix is one undoable transaction that reaches colleagues like any typing.
 * Each paragraph is read with a figure as FIGURE_MARK and a line break as \n, one character per
 * leaf node, so an offset in the text is an offset in the paragraph. A fix that keeps the length
 * ((含下属单位) → （含下属单位）) changes only the characters that differ, so a figure inside
 * the brackets stays a figure; the others (，， → ，) hold nothing but marks and spaces.
 */
import type { Node } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { FIGURE_MARK, findPunctuationSlips } from '../../shared/punctuation.js'

export interface PunctuationFix {
  from: number
  to: number
  insert: string
}

export const punctuationFixes = (doc: Node): PunctuationFix[] => {
  const fixes: PunctuationFix[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const text = node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : FIGURE_MARK))
    for (const { index, found, fix } of findPunctuationSlips(text)) {
      const from = pos + 1 + index
      if (found.length !== fix.length) fixes.push({ from, to: from + found.length, insert: fix })
      else for (let at = 0; at < found.length; at++) if (found[at] !== fix[at]) fixes.push({ from: from + at, to: from + at + 1, insert: fix[at]! })
    }
    return false
  })
  return fixes
}

/** Applies the fixes last to first, so the earlier positions stay valid. */
export const applyPunctuationFixes = (tr: Transaction, fixes: readonly PunctuationFix[]): Transaction => {
  for (const { from, to, insert } of [...fixes].sort((a, b) => b.from - a.from)) {
    if (insert) tr.insertText(insert, from, to)
    else tr.delete(from, to)
  }
  return tr
}
