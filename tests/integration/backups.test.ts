import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSummaryDoc } from '../../server/collab/rooms.js'
import { openStore } from '../../server/store/index.js'
import { api, connect, demoSummaryId, login, sectionText, startTestServer, synced, waitFor, writeParagraph } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>
let admin: string
let summaryId: string

interface Backup {
  name: string
  size: number
  createdAt: number
}

/** What a backup file holds: the text of a section of a summary, read as the server would. */
const sectionInBackup = async (bytes: Uint8Array, sectionId: string): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'huizong-restore-'))
  writeFileSync(join(dir, 'huizong.sqlite'), bytes)
  const store = openStore(dir)
  try {
    const { doc } = await loadSummaryDoc(store, summaryId)
    return sectionText(doc, sectionId)
  } finally {
    await store.close()
  }
}

beforeAll(async () => {
  server = await startTestServer(undefined, { BACKUP_KEEP: '2' })
  admin = await login(server, 'admin')
  summaryId = await demoSummaryId(server, admin)
})

afterAll(async () => {
  await server.close()
})

describe('backups', () => {
  it('takes a backup while a writer types, holding what was typed, and offers it for download', async () => {
    const writer = connect(server, summaryId, await login(server, 'invest'))
    await synced(writer)
    writeParagraph(writer.doc, 'investment-channels', '备份之前写下的这句话。')
    await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('备份之前'))
    await new Promise((resolve) => setTimeout(resolve, 100)) // committed and acknowledged
    const created = await api<Backup>(server, '/api/backups', { token: admin, body: {} })
    expect(created.status).toBe(201)
    expect(created.body.name).toMatch(/^huizong-\d{8}-\d{6}(-\d+)?\.sqlite$/)
    expect((await api<Backup[]>(server, '/api/backups', { token: admin })).body.map((backup) => backup.name)).toContain(created.body.name)

    const download = await fetch(`${server.url}/api/backups/${created.body.name}`, { headers: { authorization: `Bearer ${admin}` } })
    expect(download.status).toBe(200)
    const bytes = new Uint8Array(await download.arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 15)).toString()).toBe('SQLite format 3')
    expect(bytes.length).toBe(created.body.size)
    expect(await sectionInBackup(bytes, 'investment-channels')).toContain('备份之前写下的这句话。')
    writer.destroy()
  })

  it('keeps the newest BACKUP_KEEP backups', async () => {
    for (let n = 0; n < 3; n++) expect((await api(server, '/api/backups', { token: admin, body: {} })).status).toBe(201)
    const kept = (await api<Backup[]>(server, '/api/backups', { token: admin })).body
    expect(kept).toHaveLength(2)
    expect(readdirSync(join(server.dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'))).toHaveLength(2)
  })

  it('is for the admin only and never serves a file outside the backups', async () => {
    const editor = await login(server, 'invest')
    expect((await api(server, '/api/backups', { token: editor })).status).toBe(403)
    expect((await api(server, '/api/backups', { token: await login(server, 'leader'), body: {} })).status).toBe(403)
    expect((await api(server, '/api/backups', {})).status).toBe(401)
    copyFileSync(join(server.dataDir, 'huizong.sqlite'), join(server.dataDir, 'backups', 'huizong-copy.sqlite'))
    for (const name of ['huizong-copy.sqlite', '..%2Fhuizong.sqlite', 'huizong-20260101-000000.sqlite'])
      expect((await fetch(`${server.url}/api/backups/${name}`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(404)
  })

  it('backs up from the command line beside the running server', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'huizong-cli-backup-')), '手动备份.sqlite')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', '--out', out], { env: { ...process.env, ...server.env } })
    expect(stdout).toContain('已备份到')
    expect(existsSync(out)).toBe(true)
    expect(await sectionInBackup(readFileSync(out), 'investment-channels')).toContain('备份之前写下的这句话。')
  })
})

describe('restoring a backup', () => {
  const restore = async (args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/restore.ts', ...args], { env: { ...process.env, ...env } })
      return { code: 0, out: stdout }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, out: failed.stderr + failed.stdout }
    }
  }

  it('puts a backup in place with the server stopped, keeping the database it replaces', async () => {
    const own = await startTestServer()
    const token = await login(own, 'admin')
    const id = await demoSummaryId(own, token)
    const writer = connect(own, id, await login(own, 'invest'))
    await synced(writer)
    writeParagraph(writer.doc, 'investment-channels', '备份之前写下的句子。')
    await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('备份之前'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const backup = (await api<Backup>(own, '/api/backups', { token, body: {} })).body
    writeParagraph(writer.doc, 'investment-channels', '备份之后写下的句子。')
    await waitFor(() => sectionText(writer.doc, 'investment-channels').includes('备份之后'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    writer.destroy()
    const file = join(own.dataDir, 'backups', backup.name)
    const env = { ...own.env, PORT: String(own.port) }

    const whileRunning = await restore([file], env)
    expect(whileRunning.code).toBe(1)
    expect(whileRunning.out).toContain('服务器仍在运行')
    await own.close()

    const notADatabase = join(own.dataDir, 'notes.sqlite')
    writeFileSync(notADatabase, '这不是数据库')
    const refused = await restore([notADatabase], env)
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/不是(可读取的数据库文件|汇总的数据库备份)/)

    const restored = await restore([file], env)
    expect(restored.code).toBe(0)
    expect(restored.out).toContain('已从')
    expect(readdirSync(join(own.dataDir, 'backups')).some((name) => name.startsWith('huizong-before-restore-'))).toBe(true)

    const again = await startTestServer(own.dataDir)
    try {
      const reader = connect(again, id, await login(again, 'invest'))
      await synced(reader)
      expect(sectionText(reader.doc, 'investment-channels')).toContain('备份之前写下的句子。')
      expect(sectionText(reader.doc, 'investment-channels')).not.toContain('备份之后')
      reader.destroy()
    } finally {
      await again.close()
    }
  })
})

