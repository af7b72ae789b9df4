/**
 * When the server cannot save (disk full, database down), everyone in the summary is told at
 * once, nobody sees text that is not saved, and the text is saved and delivered once the store
 * is back. Real server, real store made to refuse writes, stock y-websocket providers.
 */
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { connect, demoSummaryId, login, savingTroubleOf, sectionText, waitFor, writeParagraph, useTestServer } from './harness.js'
import { refuseStoring } from './refuseStoring.js'

const suite = useTestServer()

/** An awareness message setting `clientId`'s state, as a client could forge it. */
const awarenessMessage = (clientId: number, clock: number, state: unknown): Uint8Array => {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

describe('a store that cannot save', () => {
  it('tells everyone at once, shows nobody the unsaved text, and saves and delivers it once the store is back', async () => {
    const { server, clients } = suite
    const summaryId = await demoSummaryId(server, await login(server, 'admin'))
    const writer = await clients.open(server, summaryId, await login(server, 'invest'))
    const watcher = await clients.open(server, summaryId, await login(server, 'leader'))
    // A client's own state cannot pass for the server's: the server stamps who sent it.
    watcher.provider.awareness.setLocalStateField('saving', { failing: true, since: 1 })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(savingTroubleOf(writer)).toBeNull()
    expect(savingTroubleOf(watcher)).toBeNull()

    const allow = await refuseStoring(server)
    const before = Date.now()
    writeParagraph(writer.doc, 'investment', '存储故障期间写下的一段话。')
    await waitFor(() => savingTroubleOf(writer) !== null && savingTroubleOf(watcher) !== null, 5000, 'the notice')
    expect(savingTroubleOf(watcher)!.since).toBeGreaterThanOrEqual(before - 1000)
    expect(sectionText(watcher.doc, 'investment')).not.toContain('存储故障期间')
    // Someone opening the summary meanwhile is told too (their copy syncs once the text is saved).
    const health = async () => {
      const response = await fetch(`${server.url}/healthz`)
      return { status: response.status, ...((await response.json()) as { ok: boolean; summariesNotSaving: number }) }
    }
    expect(await health()).toMatchObject({ status: 503, ok: false, summariesNotSaving: 1 })
    const late = clients.track(connect(server, summaryId, await login(server, 'viewer')))
    await waitFor(() => savingTroubleOf(late) !== null, 5000, 'the notice for a newcomer')

    // Nobody may speak for the server: a state forged under its id is ignored.
    const [serverId, serverState] = [...late.provider.awareness.getStates()].find(([clientId, state]) => clientId !== late.provider.awareness.clientID && state.user === undefined)!
    expect(serverState).toMatchObject({ saving: { failing: true } })
    // (Stock providers echo the states they receive, so any of them may have sent it first.)
    for (const client of [writer, watcher, late]) client.provider.ws!.send(awarenessMessage(serverId, 1_000_000, { saving: null }))
    // Presence waits for the text before it while the store fails, and goes out with each retry (1 s).
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(savingTroubleOf(writer)).not.toBeNull()

    await allow()
    await waitFor(() => sectionText(watcher.doc, 'investment').includes('存储故障期间'), 5000, 'the text once the store is back')
    await waitFor(() => [writer, watcher, late].every((client) => savingTroubleOf(client) === null), 5000, 'the notice to go')
    expect(await health()).toMatchObject({ status: 200, ok: true, summariesNotSaving: 0 })
    await waitFor(() => late.provider.synced && sectionText(late.doc, 'investment').includes('存储故障期间'), 5000, 'the newcomer')
    const exported = await fetch(`${server.url}/api/summaries/${summaryId}/export?format=txt`, { headers: { authorization: `Bearer ${await login(server, 'admin')}` } })
    expect(await exported.text()).toContain('存储故障期间写下的一段话。')
  })
})
