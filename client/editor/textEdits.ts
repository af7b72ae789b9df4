/**
 * Edits of a section's text that the editor makes for the writer (“一键修正”, 查找替换): found by
 * reading each paragraph as a string, applied as one transaction that reaches colleagues like any
 * typing and is undone as one step.
 * A paragraph is read with a figure (or any other leaf) as FIGURE_MARK and a line break as \n,
 * one character per leaf node, so an offset in the string is an offset in the paragraph and a
 * search never matches across a figure.
 */
import type { Editor } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import { FIGURE_MARK } from '../../shared/punctuation.js'

export interface TextEdit {
  from: number
  to: number
  insert: string
}

/** Calls `visit` with each paragraph's text and the document position its offset 0 stands at. */
export const eachParagraphText = (doc: Node, visit: (text: string, start: number) => void): void => {
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    visit(node.textBetween(0, node.content.size, undefined, (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : FIGURE_MARK)), pos + 1)
    return false
  })
}

/** Applies the edits last to first, so the earlier positions stay valid. */
export const applyTextEdits = (tr: Transaction, edits: readonly TextEdit[]): Transaction => {
  for (const { from, to, insert } of [...edits].sort((a, b) => b.from - a.from)) {
    if (insert) tr.insertText(insert, from, to)
    else tr.delete(from, to)
  }
  return tr
}

/** Applies the edits as an undo step of their own, never merged with the typing around them. */
export const applyAsOneUndoStep = (editor: Editor, edits: readonly TextEdit[]): void => {
  if (edits.length === 0) return
  const { state, view } = editor
  const undoManager = yUndoPluginKey.getState(state)?.undoManager
  undoManager?.stopCapturing()
  view.dispatch(applyTextEdits(state.tr, edits))
  undoManager?.stopCapturing()
}
