/**
 * Creates the Tiptap editor of one section, bound to the `section:<id>` fragment of the summary
 * doc, showing colleagues' carets through the shared provider's awareness, with Vue node views
 * for indicator figures and decorations for comment threads. Typing `#` asks the host to open
 * the indicator picker; Ctrl/Cmd+Alt+M to comment on the selection.
 */
import { Extension } from '@tiptap/core'
import { Editor, VueNodeViewRenderer } from '@tiptap/vue-3'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { Indicator } from '../../shared/editor/indicator.js'
import { IndicatorTable } from '../../shared/editor/indicatorTable.js'
import { createSectionExtensions } from '../../shared/editor/extensions.js'
import type { CommentThread } from '../../shared/doc/comments.js'
import type { PresentUser } from '../composables/useAwareness.js'
import { CommentHighlights } from './commentHighlights.js'
import { trimPastedIndent } from './pasteIndent.js'
import { SearchHighlights } from './searchHighlights.js'
import { provideFigures, type FigureContext } from './figureContext.js'
import { sectionAwareness } from './sectionAwareness.js'
import { sectionHeadingId } from './sectionHeading.js'
import IndicatorTableView from './IndicatorTableView.vue'
import IndicatorView from './IndicatorView.vue'

/** What identifies a section editor; the SectionEditor component takes these as props. */
export interface SectionEditorBinding {
  doc: Y.Doc
  provider: WebsocketProvider
  sectionId: string
  editable: boolean
  user: PresentUser
  figures: FigureContext
}

export interface SectionEditorOptions extends SectionEditorBinding {
  onHash: () => void
  threads: () => CommentThread[]
  onThreadClick: (threadId: string) => void
  onComment: () => void
}

const IndicatorWithView = Indicator.extend({ addNodeView: () => VueNodeViewRenderer(IndicatorView) })
const IndicatorTableWithView = IndicatorTable.extend({ addNodeView: () => VueNodeViewRenderer(IndicatorTableView) })

export const createSectionEditor = (options: SectionEditorOptions): Editor => {
  const { doc, provider, sectionId, editable, user, figures, onHash } = options
  const editor = new Editor({
    editable,
    extensions: [
      ...createSectionExtensions({ indicator: IndicatorWithView, indicatorTable: IndicatorTableWithView }),
      Collaboration.configure({ document: doc, field: sectionRoot(sectionId) }),
      // Colleagues' carets, redrawn only when a caret in this section moves (sectionAwareness).
      CollaborationCaret.configure({ provider: { awareness: sectionAwareness(provider.awareness, sectionId) }, user }),
      CommentHighlights.configure({ threads: options.threads, onThreadClick: options.onThreadClick }),
      SearchHighlights,
      Extension.create({ name: 'commentShortcut', addKeyboardShortcuts: () => ({ 'Mod-Alt-m': () => (options.onComment(), true) }) }),
    ],
    editorProps: {
      // Named by the section's heading; the role is repeated here because Tiptap adds its own
      // only when the view is made, and setEditable drops it again.
      attributes: { spellcheck: 'false', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': sectionHeadingId(sectionId) },
      transformPasted: (slice, view) => trimPastedIndent(slice, view.state.selection.$from.parentOffset === 0),
      handleTextInput: (_view, _from, _to, text) => {
        if (text !== '#' && text !== '＃') return false
        onHash()
        return true
      },
    },
  })
  provideFigures(editor, figures)
  return editor
}
