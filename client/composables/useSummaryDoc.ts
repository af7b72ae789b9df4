/**
 * The Y.Doc of one summary with its stock y-websocket provider, kept in the browser too
 * (localCopies), so offline work outlives the page. On close 4403 (a refused edit) the local
 * copy is discarded, in memory and in the browser, and a fresh one synced from the server, with
 * a notice; what only the discarded copy had is kept as `unsaved` paragraphs for the writer to
 * copy. Repeated refusals stop instead of looping. Other 44xx closes are final and explained in
 * Chinese.
 */
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_FORBIDDEN, CLOSE_MESSAGES, CLOSE_UNAUTHORISED } from '../../shared/closeCodes.js'
import { findUnsavedParagraphs, type UnsavedSection } from '../../shared/doc/unsavedParagraphs.js'
import { holdDuringComposition } from '../editor/compositionHold.js'
import { emptyLocalCopy, localCopyName, openLocalCopy } from '../localCopies.js'

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected'

const MAX_RESETS = 3
const RESET_WINDOW_MS = 30_000

export const useSummaryDoc = (summaryId: string, options: { userId: string; onUnauthorised?: () => void }) => {
  const copyName = localCopyName(options.userId, summaryId)
  const doc = shallowRef<Y.Doc | null>(null)
  const provider = shallowRef<WebsocketProvider | null>(null)
  const status = ref<ConnectionStatus>('connecting')
  const synced = ref(false)
  const notice = ref('')
  const fatal = ref('')
  const unsaved = shallowRef<UnsavedSection[]>([])
  let resets: number[] = []
  let stored: IndexeddbPersistence | null = null
  let removeCompositionHold = () => {}
  /** The local copy given up after a refusal, until the fresh copy has synced. */
  let discarded: Y.Doc | null = null
  /** This copy synced at least once (the provider clears `synced` before reporting a close). */
  let everSynced = false
  /** The page is gone: nothing reconnects any more. */
  let disposed = false

  /** Stops syncing with the server and the browser; the local copy is left to the caller. */
  const disconnect = (): { previous: Y.Doc | null; closed: Promise<void> } => {
    const previous = doc.value
    removeCompositionHold()
    provider.value?.destroy()
    const closed = stored?.destroy() ?? Promise.resolve()
    provider.value = null
    doc.value = null
    stored = null
    return { previous, closed }
  }

  const teardown = () => {
    disposed = true
    disconnect().previous?.destroy()
    discarded?.destroy()
    discarded = null
  }

  /** Once the fresh copy has synced: what only the discarded one had. */
  const keepUnsaved = (fresh: Y.Doc) => {
    if (!discarded) return
    const found = findUnsavedParagraphs(discarded, fresh)
    discarded.destroy()
    discarded = null
    if (found.length > 0) unsaved.value = [...unsaved.value, ...found]
  }

  const handleClosed = ({ code }: { code: number }) => {
    if (code === CLOSE_FORBIDDEN.code && everSynced) {
      const now = Date.now()
      resets = [...resets.filter((time) => now - time < RESET_WINDOW_MS), now]
      if (resets.length > MAX_RESETS) {
        fatal.value = '多次修改被服务器拒绝，已停止同步。请刷新页面后重试。'
        return
      }
      notice.value = CLOSE_MESSAGES[CLOSE_FORBIDDEN.code]!
      const { previous, closed } = disconnect()
      discarded = previous
      // The refused changes must not come back from the browser's copy.
      void closed
        .then(() => emptyLocalCopy(copyName))
        .catch((error: unknown) => console.error('[summary] could not empty the local copy', error))
        .finally(() => disposed || connect())
      return
    }
    fatal.value = CLOSE_MESSAGES[code] ?? `连接已关闭（代码 ${code}）`
    if (code === CLOSE_UNAUTHORISED.code) options.onUnauthorised?.()
  }

  const connect = () => {
    const nextDoc = new Y.Doc()
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
    // No BroadcastChannel: every change must pass the server's guard.
    const nextProvider = new WebsocketProvider(url, summaryId, nextDoc, { disableBc: true })
    synced.value = false
    everSynced = false
    nextProvider.on('status', ({ status: next }: { status: ConnectionStatus }) => (status.value = next))
    nextProvider.on('sync', (isSynced: boolean) => {
      synced.value = isSynced
      everSynced ||= isSynced
      if (isSynced) keepUnsaved(nextDoc)
    })
    nextProvider.on('closed', handleClosed)
    removeCompositionHold = holdDuringComposition(nextProvider)
    stored = openLocalCopy(copyName, nextDoc)
    doc.value = nextDoc
    provider.value = nextProvider
  }

  connect()
  onScopeDispose(teardown)
  return { doc, provider, status, synced, notice, fatal, unsaved }
}
