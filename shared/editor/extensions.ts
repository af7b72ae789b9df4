/**
 * The Tiptap schema of a section body, declared once: the editor uses it with collaboration and
 * node views added, the server reads section fragments with the same schema for exports. The client
 * replaces Indicator and IndicatorTable with versions that carry Vue node views.
 * Headings are not allowed inside a section: heading numbers come from the outline. Tables the
 * writers make (重点项目进展情况表…) hold paragraphs in their cells, figures included, and no
 * tables or lists inside. The server reads exports with sectionSchema() and lets into a section
 * only what it names (guard).
 */
import { getSchema, type AnyExtension } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
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
  // Column widths are the word processor's business: no resizing handles, no widths stored.
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader.extend({ content: 'paragraph+' }),
  TableCell.extend({ content: 'paragraph+' }),
]

let schema: Schema | null = null
/** The section schema, built once (Tiptap builds it from the extensions). */
export const sectionSchema = (): Schema => (schema ??= getSchema(createSectionExtensions()))
