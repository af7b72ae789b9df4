/**
 * Holds the document changes between this page and the server while the writer composes with
 * an input method (pinyin), in both directions:
 * - colleagues' changes: one arriving mid-composition makes y-prosemirror redraw the paragraph,
 *   and the redraw commits the letters typed so far (choosing 地方 after typing "di fang" left
 *   "ddi地方" in the text);
 * - the writer's own: colleagues would otherwise see "d", "di", "di f"… flicker in the text.
 * Both are released once the composition ends, the writer's first, merged into one update.
 * Nothing is dropped (the browser's local copy has the writer's changes meanwhile). Sync step 1
 * only reads the document and is answered at once.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0
/** ProseMirror reads the composed text on a 20 ms timer after compositionend. */
const SETTLE_MS = 50
/** An input method left open this long no longer holds the page's view of the others back. */
const MAX_HOLD_MS = 30_000

type SyncHandler = WebsocketProvider['messageHandlers'][number]
type UpdateListener = (update: Uint8Array, origin: unknown) => void

const inEditor = (event: Event): boolean => event.target instanceof Element && event.target.closest('.ProseMirror') !== null

/** Installs the hold on `provider`; returns the function that removes it. */
export const holdDuringComposition = (provider: WebsocketProvider, events: EventTarget = document): (() => void) => {
  const handleSync: SyncHandler = provider.messageHandlers[MESSAGE_SYNC]!
  // The provider's own listener, which sends every local change of the doc to the server.
  const sendUpdate = (provider as unknown as { _updateHandler: UpdateListener })._updateHandler
  let composing = false
  let held: Uint8Array[] = []
  let outgoing: Uint8Array[] = []
  let settleTimer: ReturnType<typeof setTimeout> | undefined
  let maxTimer: ReturnType<typeof setTimeout> | undefined

  const release = () => {
    clearTimeout(settleTimer)
    clearTimeout(maxTimer)
    composing = false
    sendHeld()
    const messages = held
    held = []
    // Step 2 and update messages are never answered, so the encoder is not sent anywhere.
    for (const message of messages) handleSync(encoding.createEncoder(), decoding.createDecoder(message), provider, true, MESSAGE_SYNC)
  }

  const sendHeld = () => {
    if (outgoing.length > 0) sendUpdate(Y.mergeUpdates(outgoing), null)
    outgoing = []
  }
  const handleLocalUpdate: UpdateListener = (update, origin) => {
    if (composing && origin !== provider) outgoing.push(update)
    else sendUpdate(update, origin)
  }
  provider.doc.off('update', sendUpdate)
  provider.doc.on('update', handleLocalUpdate)

  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, target, emitSynced, messageType) => {
    if (composing && decoding.peekVarUint(decoder) !== SYNC_STEP_1) {
      held.push(decoder.arr.slice(decoder.pos))
      return
    }
    handleSync(encoder, decoder, target, emitSynced, messageType)
  }

  const handleStart = (event: Event) => {
    if (!inEditor(event)) return
    clearTimeout(settleTimer)
    if (!composing) maxTimer = setTimeout(release, MAX_HOLD_MS)
    composing = true
  }
  const handleEnd = (event: Event) => {
    if (!composing || !inEditor(event)) return
    clearTimeout(settleTimer)
    settleTimer = setTimeout(release, SETTLE_MS)
  }
  events.addEventListener('compositionstart', handleStart, true)
  events.addEventListener('compositionend', handleEnd, true)
  events.addEventListener('focusout', handleEnd, true)

  return () => {
    events.removeEventListener('compositionstart', handleStart, true)
    events.removeEventListener('compositionend', handleEnd, true)
    events.removeEventListener('focusout', handleEnd, true)
    clearTimeout(settleTimer)
    clearTimeout(maxTimer)
    sendHeld()
    provider.doc.off('update', handleLocalUpdate)
    provider.doc.on('update', sendUpdate)
    provider.messageHandlers[MESSAGE_SYNC] = handleSync
  }
}
