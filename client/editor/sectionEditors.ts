/**
 * The section editors open on a summary page, by section id: the page provides the registry,
 * each SectionEditor puts its editor in while mounted, and the panels that change several sections
 * at once (查找替换, 分节导入, 全部修正) read them.
 */
import type { Editor } from '@tiptap/core'
import { shallowReactive, type InjectionKey } from 'vue'

export type SectionEditors = Map<string, Editor>

export const createSectionEditors = (): SectionEditors => shallowReactive(new Map<string, Editor>())

export const sectionEditorsKey: InjectionKey<SectionEditors> = Symbol('sectionEditors')

/** Whether a registered editor takes changes now: mounted, and the section writable for this user. */
export const editableNow = (editor: Editor | undefined): editor is Editor => editor !== undefined && !editor.isDestroyed && editor.isEditable

/** Takes the editor out only if it is still the one registered (its replacement may mount first). */
export const unregisterSectionEditor = (editors: SectionEditors, sectionId: string, editor: Editor): void => {
  if (editors.get(sectionId) === editor) editors.delete(sectionId)
}
