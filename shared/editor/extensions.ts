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
import { Bold } from '@tiptap/extension-bold'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Italic } from '@tiptap/extension-italic'
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Strike } from '@tiptap/extension-strike'
import { Text } from '@tiptap/extension-text'
import { Underline } from '@tiptap/extension-underline'
import { Dropcursor, Gapcursor } from '@tiptap/extensions'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { Plugin } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { Indicator } from './indicator.js'
import { IndicatorTable } from './indicatorTable.js'

export interface SectionNodeViews {
  indicator?: AnyExtension
  indicatorTable?: AnyExtension
}

/**
 * prosemirror-tables repairs every table that is not rectangular after each change (fixTables).
 * With Yjs, a table merged from two writers' concurrent row and column edits would be repaired by
 * every open editor at once: cells added twice and again, growing without end
 * (prosemirror-tables#249), and for readers a write the guard refuses. So repairs (and the
 * selection fix that comes with them) run only after the writer's own edit, in an editor that
 * may write; an uneven table merged from elsewhere shows as it is until its writer next edits it.
 */
const WritersTable = Table.extend({
  addProseMirrorPlugins() {
    const { editor } = this
    return (this.parent?.() ?? []).map((plugin) => {
      const append = plugin.spec.appendTransaction
      if (!append) return plugin
      return new Plugin({
        ...plugin.spec,
        appendTransaction: (transactions, oldState, newState) =>
          editor.isEditable && !transactions.some((transaction) => transaction.getMeta(ySyncPluginKey)?.isChangeOrigin) ? append.call(plugin, transactions, oldState, newState) : null,
      })
    })
  },
})

export const createSectionExtensions = (nodeViews: SectionNodeViews = {}): AnyExtension[] => [
  // What StarterKit gave, in its order (the schema's order of nodes and marks follows it), without
  // headings, code, rules, quotes, links and its undo (Collaboration brings a Yjs-aware one):
  // imported one by one, the page does not load the link extension's linkify.
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Italic,
  ListItem,
  ListKeymap,
  OrderedList,
  Paragraph,
  Strike,
  Text,
  Underline,
  nodeViews.indicator ?? Indicator,
  nodeViews.indicatorTable ?? IndicatorTable,
  // Column widths are the word processor's business: no resizing handles, no widths stored.
  WritersTable.configure({ resizable: false }),
  TableRow,
  TableHeader.extend({ content: 'paragraph+' }),
  TableCell.extend({ content: 'paragraph+' }),
]

let schema: Schema | null = null
/** The section schema, built once (Tiptap builds it from the extensions). */
export const sectionSchema = (): Schema => (schema ??= getSchema(createSectionExtensions()))
