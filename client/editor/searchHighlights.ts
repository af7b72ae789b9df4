/**
 * Marks the occurrences of the phrase being searched for (查找替换) as decorations, recomputed
 * when the text or the search changes, the one being looked at (`current`, an index among this
 * section's occurrences) apart. The search is set per editor with setSearch; a class added to
 * the DOM by hand would be undone by ProseMirror's redraw.
 */
import { Extension, type Editor } from '@tiptap/core'
import type { Node } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { findText } from './findText.js'

export interface Search {
  query: string
  /** Index of the occurrence being looked at, -1 for none. */
  current: number
}

interface SearchState extends Search {
  decorations: DecorationSet
}

const searchKey = new PluginKey<SearchState>('searchHighlights')

const build = (doc: Node, { query, current }: Search): SearchState => ({
  query,
  current,
  decorations: DecorationSet.create(
    doc,
    findText(doc, query).map(({ from, to }, index) =>
      Decoration.inline(from, to, { class: index === current ? 'search-match current' : 'search-match', 'data-search-match': '' }),
    ),
  ),
})

export const SearchHighlights = Extension.create({
  name: 'searchHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<SearchState>({
        key: searchKey,
        state: {
          init: (_config, state) => build(state.doc, { query: '', current: -1 }),
          apply: (transaction, previous, _old, state) => {
            const search = transaction.getMeta(searchKey) as Search | undefined
            if (search) return build(state.doc, search)
            return transaction.docChanged ? build(state.doc, previous) : previous
          },
        },
        props: { decorations: (state) => searchKey.getState(state)?.decorations },
      }),
    ]
  },
})

export const setSearch = (editor: Editor, search: Search): void => {
  const now = editor.isDestroyed ? undefined : searchKey.getState(editor.state)
  if (!now || (now.query === search.query && now.current === search.current)) return
  editor.view.dispatch(editor.state.tr.setMeta(searchKey, search).setMeta('addToHistory', false))
}
