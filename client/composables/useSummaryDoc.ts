/**
 * The Y.Doc of one summary with its stock y-websocket provider, kept in the browser too
 * (localCopies), so offline work outlives the page. On close 4403 (a refused edit) the local
 * copy is discarded, in memory and in the browser, and a fresh one synced from the server, with
 * a notice; the discarded copy stays on screen, read-only (`refreshing`), until the fresh one
 * has synced, so the page keeps its length and the writer their place. What only the discarded
 * copy had is kept as `unsaved` paragraphs for the writer to copy. Repeated refusals stop
 * instead of looping. Other 44xx closes are final and explained in Chinese.
 */
import { computed, nextTick, onScopeDispose, ref, shallowRef } from 'vue'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_FORBIDDEN, CLOSE_MESSAGES, CLOSE_UNAUTHORISED, closeMessage } from '../../shared/closeCodes.js'
import { findUnsavedParagraphs, type UnsavedSection } from '../../shared/doc/unsavedParagraphs.js'
import { holdDuringComposition } from '../editor/compositionHold.js'
import { emptyLocalCopy, localCopyName, offlineWork, openLocalCopy } from '../localCopies.js'

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected'

const MAX_RESETS = 3
const RESET_WINDOW_MS = 30_000

export const useSummaryDoc = (summaryId: string, options: { userId: string; onUnauthorised?: () => void }) => {
  const copyName = localCopyName(options.userId, summaryId)
  /** The doc and provider on screen: the live ones, or a refused copy while the fresh one syncs. */
  const doc = shallowRef<Y.Doc | null>(null)
  const provider = shallowRef<WebsocketProvider | null>(null)
  const status = ref<ConnectionStatus>('connecting')
  const synced = ref(false)
  /** The doc on screen has synced with the server at least once. */
  const ready = ref(false)
  const notice = ref('')
  const fatal = ref('')
  const unsaved = shallowRef<UnsavedSection[]>([])
  let resets: number[] = []
  let live: { doc: Y.Doc; provider: WebsocketProvider } | null = null
  let stored: IndexeddbPersistence | null = null
  let removeCompositionHold = () => {}
  /** The local copy given up after a refusal, on screen read-only until the fresh copy has synced. */
  const discarded = shallowRef<Y.Doc | null>(null)
  const refreshing = computed(() => discarded.value !== null)
  /** This copy synced at least once (the provider clears `synced` before reporting a close). */
  let everSynced = false
  /** The page is gone: nothing reconnects any more. */
  let disposed = false

  const show = (shown: { doc: Y.Doc; provider: WebsocketProvider }) => {
    doc.value = shown.doc
    provider.value = shown.provider
  }

  /** Stops syncing the live copy with the server and the browser; the doc is left to the caller. */
  const stopLive = (): { previous: Y.Doc | null; closed: Promise<void> } => {
    const previous = live?.doc ?? null
    removeCompositionHold()
    live?.provider.destroy()
    const closed = stored?.destroy() ?? Promise.resolve()
    live = null
    stored = null
    return { previous, closed }
  }

  const teardown = () => {
    disposed = true
    offlineWork.value = false
    stopLive().previous?.destroy()
    discarded.value?.destroy()
    discarded.value = null
  }

  /** Once the fresh copy has synced and is on screen: what only the discarded one had. */
  const keepUnsaved = (fresh: Y.Doc) => {
    const old = discarded.value
    if (!old) return
    const found = findUnsavedParagraphs(old, fresh)
    discarded.value = null
    // Its editors are unmounted by the render the swap has queued.
    void nextTick(() => old.destroy())
    if (found.length > 0) unsaved.value = [...unsaved.value, ...found]
  }

  const handleClosed = ({ code, reason }: { code: number; reason: string }) => {
    // Only a refused edit is undone and synced again; an unknown or deleted summary (also 4403) is final.
    if (code === CLOSE_FORBIDDEN.code && reason === CLOSE_FORBIDDEN.reason && everSynced) {
      const now = Date.now()
      resets = [...resets.filter((time) => now - time < RESET_WINDOW_MS), now]
      if (resets.length > MAX_RESETS) {
        fatal.value = '多次修改被服务器拒绝，已停止同步。请刷新页面后重试。'
        return
      }
      notice.value = CLOSE_MESSAGES[CLOSE_FORBIDDEN.code]!
      const { previous, closed } = stopLive()
      discarded.value = previous
      // The refused changes must not come back from the browser's copy.
      void closed
        .then(() => emptyLocalCopy(copyName))
        .catch((error: unknown) => console.error('[summary] could not empty the local copy', error))
        .finally(() => disposed || connect())
      return
    }
    fatal.value = closeMessage(code, reason)
    if (code === CLOSE_UNAUTHORISED.code) options.onUnauthorised?.()
  }

  const connect = () => {
    const nextDoc = new Y.Doc()
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
    // No BroadcastChannel: every change must pass the server's guard.
    const nextProvider = new WebsocketProvider(url, summaryId, nextDoc, { disableBc: true })
    const next = { doc: nextDoc, provider: nextProvider }
    live = next
    synced.value = false
    everSynced = false
    nextProvider.on('status', ({ status: current }: { status: ConnectionStatus }) => {
      status.value = current
      offlineWork.value = current !== 'connected'
    })
    nextProvider.on('sync', (isSynced: boolean) => {
      synced.value = isSynced
      everSynced ||= isSynced
      if (!isSynced) return
      if (doc.value !== nextDoc) show(next)
      ready.value = true
      keepUnsaved(nextDoc)
    })
    nextProvider.on('closed', handleClosed)
    removeCompositionHold = holdDuringComposition(nextProvider)
    stored = openLocalCopy(copyName, nextDoc)
    // A refused copy stays on screen until this one has synced.
    if (!discarded.value) show(next)
  }

  connect()
  onScopeDispose(teardown)
  return { doc, provider, status, synced, ready, refreshing, notice, fatal, unsaved }
}
