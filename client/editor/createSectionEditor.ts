/**
 * Creates the Tiptap editor of one section, bound to the `section:<id>` fragment of the summary
 * doc and showing colleagues' carets through the shared provider's awareness.
 */
import { Editor } from '@tiptap/vue-3'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { sectionRoot } from '../../shared/doc/roots.js'
import { createSectionExtensions } from '../../shared/editor/extensions.js'
import type { PresentUser } from '../composables/useAwareness.js'

export interface SectionEditorOptions {
  doc: Y.Doc
  provider: WebsocketProvider
  sectionId: string
  editable: boolean
  user: PresentUser
}

export const createSectionEditor = ({ doc, provider, sectionId, editable, user }: SectionEditorOptions): Editor =>
  new Editor({
    editable,
    extensions: [
      ...createSectionExtensions(),
      Collaboration.configure({ document: doc, field: sectionRoot(sectionId) }),
      CollaborationCaret.configure({ provider, user }),
    ],
    editorProps: { attributes: { spellcheck: 'false', 'aria-label': '章节正文' } },
  })
