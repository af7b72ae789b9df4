/**
 * The Tiptap schema of a section body, declared once: the editor uses it with collaboration and
 * node views added, the server reads section fragments with the same schema for exports. The client
 * replaces Indicator and IndicatorTable with versions that carry Vue node views.
 * Headings are not allowed inside a section: heading numbers come from the outline.
 */
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Indicator } from './indicator.js'
import { IndicatorTable } from './indicatorTable.js'

export interface SectionNodeViews {
  indicator?: AnyExtension
  indicatorTable?: AnyExtension
}

export const createSectionExtensions = (nodeViews: SectionNodeViews = {}): AnyExtension[] => [
  StarterKit.configure({
    undoRedo: false, // Collaboration brings its own Yjs-aware undo
    heading: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    link: false,
    blockquote: false,
    trailingNode: false,
  }),
  nodeViews.indicator ?? Indicator,
  nodeViews.indicatorTable ?? IndicatorTable,
]
