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

/** Runs a change of the editor's document as an undo step of its own, never merged with the typing around it. */
export const asOneUndoStep = (editor: Editor, change: () => void): void => {
  const undoManager = yUndoPluginKey.getState(editor.state)?.undoManager
  undoManager?.stopCapturing()
  change()
  undoManager?.stopCapturing()
}

/** Applies the edits as one undo step. */
export const applyAsOneUndoStep = (editor: Editor, edits: readonly TextEdit[]): void => {
  if (edits.length === 0) return
  asOneUndoStep(editor, () => editor.view.dispatch(applyTextEdits(editor.state.tr, edits)))
}

/** Adds content at the end of a section (in place of its empty paragraph when it has no text), as one undo step. */
export const appendAsOneUndoStep = (editor: Editor, html: string): void =>
  asOneUndoStep(editor, () => {
    const end = editor.state.doc.content.size
    editor.commands.insertContentAt(editor.isEmpty ? { from: 0, to: end } : end, html)
  })
