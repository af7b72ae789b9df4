/**
 * Hands the summary's live figures to the indicator node views of an editor. Node views are
 * rendered by Tiptap outside our component tree, so they look their context up by editor.
 */
import type { Editor } from '@tiptap/core'
import type { Ref } from 'vue'
import type { Figures } from '../composables/useIndicators.js'

export interface FigureContext {
  figures: Ref<Figures>
  changedAt: Ref<Record<string, number>>
  departmentNames: Ref<Record<string, string>>
}

const contexts = new WeakMap<Editor, FigureContext>()

export const provideFigures = (editor: Editor, context: FigureContext): void => void contexts.set(editor, context)

export const injectFigures = (editor: Editor): FigureContext => {
  const context = contexts.get(editor)
  if (!context) throw new Error('indicator node view without figures')
  return context
}
