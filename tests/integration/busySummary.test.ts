import { describe, expect, it } from 'vitest'
import { readOutline } from '../../shared/doc/outline.js'
import { keepSummaryBusy, sectionTexts } from './busySummary.js'
import { connect, demoSummaryId, login, startTestServer, synced } from './harness.js'

describe('a summary under everything at once', () => {
  it('ends with every writer holding the server’s text, and a restart keeps it', async () => {
    // Compacting every 40 updates: the log is folded into snapshots many times meanwhile.
    const env = { COMPACT_EVERY: '40' }
    const server = await startTestServer(undefined, env)
    const token = await login(server, 'admin')
    const summaryId = await demoSummaryId(server, token)
    const result = await keepSummaryBusy([server], summaryId, { seconds: 8, seed: 2026 })
    await server.close()
    expect(result.diverged).toEqual([])
    // It really was busy: each kind of change went through some times.
    for (const change of ['rename', 'move', 'reassign', 'approve', 'delete', 'figures', 'version']) expect(result.accepted[change], change).toBeGreaterThan(0)

    const again = await startTestServer(server.dataDir, env)
    const reader = connect(again, summaryId, await login(again, 'admin'))
    await synced(reader)
    expect(sectionTexts(reader.doc, Object.keys(result.texts))).toEqual(result.texts)
    expect(JSON.stringify(readOutline(reader.doc))).toBe(result.outline)
    reader.destroy()
    await again.close()
  }, 60_000)
})
