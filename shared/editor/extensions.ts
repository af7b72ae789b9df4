/**
 * The Tiptap schema of a section body, declared once: the editor uses it with collaboration and
 * node views added, the server reads section fragments with the same schema for exports.
 * Headings are not allowed inside a section: heading numbers come from the outline.
 */
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

export const createSectionExtensions = (): AnyExtension[] => [
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
]
