/**
 * Highlights the phrases of comment threads as decorations (never marks in the text, so
 * commenting needs no write access), recomputed on every change of the text or the threads.
 * Overlapping threads get their own nested highlights. Clicking one reports its thread.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { CommentThread } from '../../shared/doc/comments.js'
import { rangeOfAnchors } from './anchors.js'

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights')

export interface CommentHighlightOptions {
  /** The threads to show in this section (already filtered). */
  threads: () => CommentThread[]
  onThreadClick: (threadId: string) => void
}

const build = (state: EditorState, threads: CommentThread[]): DecorationSet => {
  const decorations = threads.flatMap((thread, index) => {
    const range = rangeOfAnchors(state, thread.anchorStart, thread.anchorEnd)
    if (!range) return []
    return [Decoration.inline(range.from, range.to, { class: `comment-highlight comment-tone-${index % 4}${thread.resolved ? ' resolved' : ''}`, 'data-thread-id': thread.id }, { threadId: thread.id })]
  })
  return DecorationSet.create(state.doc, decorations)
}

export const CommentHighlights = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { threads: () => [], onThreadClick: () => {} }
  },

  addProseMirrorPlugins() {
    const { threads, onThreadClick } = this.options
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => build(state, threads()),
          apply: (transaction, previous, _old, state) =>
            transaction.docChanged || transaction.getMeta(commentHighlightsKey) ? build(state, threads()) : previous.map(transaction.mapping, transaction.doc),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleDOMEvents: {
            click: (_view, event) => {
              const target = (event.target as HTMLElement | null)?.closest('[data-thread-id]')
              if (target) onThreadClick(target.getAttribute('data-thread-id')!)
              return false
            },
          },
        },
      }),
    ]
  },
})
