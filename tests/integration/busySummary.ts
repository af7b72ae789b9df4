/**
 * A summary under everything at once, for a few seconds: stock providers of five departments
 * type random edits into their sections (on any of the given processes) while the admin and a
 * leader rename, move, reassign, approve, reopen, delete and restore sections, change figures
 * and save versions. A writer refused with 4403 (its section just locked, moved or deleted) does
 * what the page does: starts again from a fresh copy. Choices come from a seeded generator;
 * the timing, and so the run, still varies.
 */
import * as Y from 'yjs'
import { readOutline } from '../../shared/doc/outline.js'
import { api, connect, login, randomEdit, sectionText, synced, waitFor, type TestClient } from './harness.js'

type Server = { url: string }

const WRITERS: Record<string, string> = { invest: '招商部', invest2: '招商部', build: '规划建设局', safety: '安监办', economy: '经济发展局' }

export interface BusyResult {
  /** Every section's text as a client connecting afterwards reads it. */
  texts: Record<string, string>
  outline: string
  /** Writers whose copy did not end up equal to that. */
  diverged: string[]
  /** How many of each structural change the server accepted. */
  accepted: Record<string, number>
}

/** The text of every section root in `doc` (or of the roots named), by root name. */
export const sectionTexts = (doc: Y.Doc, roots = [...doc.share.keys()].filter((key) => key.startsWith('section:')).sort()): Record<string, string> =>
  Object.fromEntries(roots.map((key) => [key, sectionText(doc, key.slice('section:'.length))]))

export const keepSummaryBusy = async (servers: readonly Server[], summaryId: string, { seconds, seed }: { seconds: number; seed: number }): Promise<BusyResult> => {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const tokens: Record<string, string> = {}
  for (const username of ['admin', 'leader', ...Object.keys(WRITERS)]) tokens[username] = await login(servers[0]!, username)
  const departments = (await api<Array<{ id: string; name: string }>>(servers[0]!, '/api/departments', { token: tokens.admin })).body
  const departmentOf = Object.fromEntries(Object.entries(WRITERS).map(([username, name]) => [username, departments.find((department) => department.name === name)!.id]))

  const writers = await Promise.all(
    Object.keys(WRITERS).map(async (username) => {
      const writer = { username, client: connect(pick(servers), summaryId, tokens[username]!) }
      await synced(writer.client)
      return writer
    }),
  )
  const startAfresh = async (writer: { username: string; client: TestClient }) => {
    writer.client.destroy()
    writer.client = connect(pick(servers), summaryId, tokens[writer.username]!)
    await synced(writer.client).catch(() => undefined)
  }

  let running = true
  const typing = writers.map(async (writer) => {
    let typed = 0
    while (running) {
      if (writer.client.closes.some((close) => close.code === 4403)) await startAfresh(writer)
      const own = readOutline(writer.client.doc).filter((entry) => entry.departmentId === departmentOf[writer.username] && entry.status !== 'final')
      if (own.length > 0 && writer.client.provider.wsconnected) randomEdit(writer.client.doc, pick(own).id, random, String.fromCharCode(0x4e00 + (typed++ % 500)))
      await new Promise((resolve) => setTimeout(resolve, 15 + random() * 20))
    }
  })

  const accepted: Record<string, number> = {}
  const base = `/api/summaries/${summaryId}`
  const call = (token: string, path: string, method: string, body?: unknown) => api<{ versionId?: string }>(pick(servers), `${base}${path}`, { token: tokens[token], method, body })
  // Every kind in turn, on a random section: a random kind each time could leave one out of a
  // slow run (30 changes, 8 kinds: one in eight runs missed some kind altogether).
  const CHANGES = ['rename', 'move', 'reassign', 'approve', 'reopen', 'delete', 'figures', 'version'] as const
  let turn = 0
  const changing = (async () => {
    while (running) {
      const sections = (await api<{ sections: Array<{ id: string; status: string }> }>(pick(servers), base, { token: tokens.admin })).body.sections
      const change = CHANGES[turn++ % CHANGES.length]!
      // An approval needs a section not final yet.
      const open = sections.filter((section) => section.status !== 'final')
      const { id, status } = pick(change === 'approve' && open.length > 0 ? open : sections)
      let answer: Awaited<ReturnType<typeof call>>
      if (change === 'rename') answer = await call('admin', `/sections/${id}`, 'PATCH', { title: `标题${Math.floor(random() * 1000)}` })
      else if (change === 'move') answer = await call('admin', `/sections/${id}`, 'PATCH', { position: Math.floor(random() * sections.length) })
      else if (change === 'reassign') answer = await call('admin', `/sections/${id}`, 'PATCH', { departmentId: pick(Object.values(departmentOf)) })
      else if (change === 'approve') {
        if (status === 'drafting') await call('admin', `/sections/${id}`, 'PATCH', { status: 'review' })
        answer = await call('leader', `/sections/${id}`, 'PATCH', { status: 'final' })
      } else if (change === 'reopen') answer = await call('admin', `/sections/${id}`, 'PATCH', { status: 'drafting' })
      else if (change === 'delete') {
        answer = await call('admin', `/sections/${id}?force=1`, 'DELETE')
        // Put back from the version the deletion saved, as an office undoing a mistake would.
        if (answer.body?.versionId) await call('admin', `/sections/${id}/restore`, 'POST', { versionId: answer.body.versionId })
      } else if (change === 'figures') answer = await call('admin', '/indicators', 'PUT', { values: [{ key: 'agreed_funds', value: Math.round(random() * 100) / 10 }] })
      else answer = await call('admin', '/versions', 'POST', { name: `第${Math.floor(random() * 100)}稿` })
      if (answer.status < 300) accepted[change] = (accepted[change] ?? 0) + 1
      await new Promise((resolve) => setTimeout(resolve, 100 + random() * 150))
    }
  })()

  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  running = false
  await Promise.all([...typing, changing])
  // Whoever was refused last starts afresh; then everyone catches up.
  for (const writer of writers) if (writer.client.closes.some((close) => close.code === 4403)) await startAfresh(writer)
  const reader = connect(servers[0]!, summaryId, tokens.admin!)
  await synced(reader)
  await new Promise((resolve) => setTimeout(resolve, 500))
  const texts = sectionTexts(reader.doc)
  const expected = JSON.stringify(texts)
  const diverged: string[] = []
  for (const writer of writers)
    await waitFor(() => JSON.stringify(sectionTexts(writer.client.doc, Object.keys(texts))) === expected, 5000).catch(() => diverged.push(writer.username))
  const outline = JSON.stringify(readOutline(reader.doc))
  for (const writer of writers) writer.client.destroy()
  reader.destroy()
  return { texts, outline, diverged, accepted }
}
