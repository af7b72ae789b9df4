/**
 * Converts between editor positions and comment anchors through the Yjs–ProseMirror mapping of
 * y-tiptap: anchors are base64 Y.RelativePositions, so they follow the text as others edit.
 */
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { readIndicators } from '../../shared/doc/indicators.js'
import { quoteOf } from './quote.js'

interface SyncState {
  doc: Y.Doc
  type: Y.XmlFragment
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null
}

const syncState = (state: EditorState): SyncState | null => {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  return sync?.binding ? sync : null
}

export interface SelectionAnchors {
  anchorStart: string
  anchorEnd: string
  quote: string
}

/** Anchors and quoted text of the current selection, or null when nothing is selected. */
export const anchorsOfSelection = (state: EditorState): SelectionAnchors | null => {
  const { from, to, empty } = state.selection
  const sync = syncState(state)
  if (empty || !sync) return null
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never)))
  const figures = readIndicators(sync.doc)
  return { anchorStart: encode(from), anchorEnd: encode(to), quote: quoteOf(state.doc, from, to, (key) => figures[key]) }
}

/** The editor range an anchored thread covers now, or null when its phrase is gone. */
export const rangeOfAnchors = (state: EditorState, anchorStart: string, anchorEnd: string): { from: number; to: number } | null => {
  const sync = syncState(state)
  if (!sync) return null
  try {
    const resolve = (anchor: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(anchor)), sync.binding!.mapping as never)
    const from = resolve(anchorStart)
    const to = resolve(anchorEnd)
    return from === null || to === null || from >= to ? null : { from, to }
  } catch {
    return null
  }
}
