/**
 * The section editors open on a summary page, by section id: the page provides the registry,
 * each SectionEditor puts its editor in while mounted, and the find-and-replace panel reads them.
 */
import type { Editor } from '@tiptap/core'
import { shallowReactive, type InjectionKey } from 'vue'

export type SectionEditors = Map<string, Editor>

export const createSectionEditors = (): SectionEditors => shallowReactive(new Map<string, Editor>())

export const sectionEditorsKey: InjectionKey<SectionEditors> = Symbol('sectionEditors')

/** Takes the editor out only if it is still the one registered (its replacement may mount first). */
export const unregisterSectionEditor = (editors: SectionEditors, sectionId: string, editor: Editor): void => {
  if (editors.get(sectionId) === editor) editors.delete(sectionId)
}
