/**
 * Selects the first paragraph (list item, table cell) of a section whose text, spaces aside, is
 * `text`, and brings it into view: where a check points (空泛), ready to read, rewrite or comment
 * on (评论 takes the selection, in a section the reader may not write too).
 */
import type { Editor } from '@tiptap/core'

export const selectParagraph = (editor: Editor, text: string): boolean => {
  let found: { from: number; to: number } | null = null
  editor.state.doc.descendants((node, pos) => {
    if (found) return false
    if (!node.isTextblock) return true
    if (node.textContent.replace(/\s/g, '') === text) found = { from: pos + 1, to: pos + node.nodeSize - 1 }
    return false
  })
  if (!found) return false
  editor.chain().setTextSelection(found).scrollIntoView().run()
  editor.view.dom.closest('[data-section-id]')?.scrollIntoView({ block: 'nearest' })
  return true
}
