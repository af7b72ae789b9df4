/**
 * Test harness: the real server on a loopback port with a temp data dir, HTTP helpers and stock
 * y-websocket providers (with `ws` as the WebSocket implementation).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import WebSocket from 'ws'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readConfig } from '../../server/config.js'
import { readSavingTrouble } from '../../shared/savingTrouble.js'
import { startServer, type RunningServer } from '../../server/start.js'
import { createDatabase } from './services.js'

export const ADMIN_PASSWORD = 'admin-secret-1'
export const DEMO_PASSWORD = 'huizong2026'

export const createDataDir = (): string => mkdtempSync(join(tmpdir(), 'huizong-test-'))

const databases = new Map<string, string>()

/**
 * With TEST_POSTGRES=1 each data dir gets its own database on the throw-away PostgreSQL that
 * `npm run test:postgres` started (port in TEST_POSTGRES_PORT; a restart on the same data dir
 * finds the same database). Otherwise the server uses SQLite in the data dir.
 */
export const databaseEnv = async (dataDir: string): Promise<Record<string, string>> => {
  if (process.env.TEST_POSTGRES !== '1') return {}
  const port = Number(process.env.TEST_POSTGRES_PORT)
  if (!port) throw new Error('TEST_POSTGRES=1 needs TEST_POSTGRES_PORT: run the suites through npm run test:postgres')
  if (!databases.has(dataDir)) databases.set(dataDir, await createDatabase(port))
  return { DATABASE_URL: databases.get(dataDir)! }
}

export const startTestServer = async (dataDir = createDataDir(), env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string; env: Record<string, string> }> => {
  const storeEnv = { DATA_DIR: dataDir, ...(await databaseEnv(dataDir)) }
  // No daily versions unless a test asks: one landing a minute into a long file would change version lists under it.
  const config = readConfig({ PORT: '0', ADMIN_PASSWORD, UNLOAD_DELAY_MS: '50', DAILY_VERSIONS_KEEP: '0', ...storeEnv, ...env })
  const server = await startServer(config, () => {})
  return { ...server, dataDir, env: storeEnv }
}

export const api = async <T = unknown>(server: { url: string }, path: string, options: { token?: string; method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> => {
  const response = await fetch(server.url + path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

export const login = async (server: { url: string }, username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD): Promise<string> => {
  const { status, body } = await api<{ token: string }>(server, '/api/login', { body: { username, password } })
  if (status !== 200) throw new Error(`login ${username} failed: ${status}`)
  return body.token
}

export const demoSummaryId = async (server: { url: string }, token: string): Promise<string> => {
  const { body } = await api<Array<{ id: string }>>(server, '/api/summaries', { token })
  return body[0]!.id
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: Array<{ code: number; reason: string }>
  denied: string[]
  destroy: () => void
}

// The stock y-websocket provider adds a process exit listener each (in Node); a test file opens dozens.
process.setMaxListeners(100)

/** A stock provider for `summaryId`; pass `doc` to reconnect an existing local copy elsewhere. */
export const connect = (server: { url: string }, summaryId: string, token: string, doc = new Y.Doc()): TestClient => {
  const provider = new WebsocketProvider(server.url.replace('http', 'ws') + '/collab', summaryId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  })
  const closes: TestClient['closes'] = []
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  const denied: string[] = []
  provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason))
  return { doc, provider, closes, denied, destroy: () => (provider.destroy(), doc.destroy()) }
}

export const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> => {
  const started = Date.now()
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const synced = (client: TestClient): Promise<void> => waitFor(() => client.provider.synced, 5000, 'sync')

/** The server's notice that it cannot save, as this client sees it (null when saving works). */
export const savingTroubleOf = (client: TestClient) => readSavingTrouble(client.provider.awareness.getStates() as Map<number, Record<string, unknown>>, client.provider.awareness.clientID)

/** Appends a paragraph with `text` to a section fragment. */
export const writeParagraph = (doc: Y.Doc, sectionId: string, text: string): void => {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment(`section:${sectionId}`)
  fragment.insert(fragment.length, [paragraph])
}

/** A writers' table as the editor writes it: rows of cells of one paragraph each, the first row headings when `header`. */
export const tableElement = (rows: readonly string[][], { header = false } = {}): Y.XmlElement => {
  const cell = (name: string, value: string) => {
    const node = new Y.XmlElement(name)
    node.setAttribute('colspan', 1 as unknown as string)
    node.setAttribute('rowspan', 1 as unknown as string)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(value)])
    node.insert(0, [paragraph])
    return node
  }
  const table = new Y.XmlElement('table')
  table.insert(
    0,
    rows.map((values, index) => {
      const row = new Y.XmlElement('tableRow')
      row.insert(0, values.map((value) => cell(header && index === 0 ? 'tableHeader' : 'tableCell', value)))
      return row
    }),
  )
  return table
}

/**
 * One random edit as writers make them: a new paragraph somewhere (one in five), or `char` typed
 * into, now and then a character deleted from, a random paragraph of the section.
 */
export const randomEdit = (doc: Y.Doc, sectionId: string, random: () => number, char: string): void => {
  const fragment = doc.getXmlFragment(`section:${sectionId}`)
  const texts = fragment
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText ? [node.get(0) as Y.XmlText] : []))
  if (texts.length === 0 || random() < 0.2) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(char)])
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph])
    return
  }
  const text = texts[Math.floor(random() * texts.length)]!
  if (random() < 0.8 || text.length < 2) text.insert(Math.floor(random() * (text.length + 1)), char)
  else text.delete(Math.floor(random() * text.length), 1)
}

export const sectionText = (doc: Y.Doc, sectionId: string): string =>
  doc.getXmlFragment(`section:${sectionId}`).toArray().map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join('') : '')).join('\n')

/** The XmlText of a section that contains `phrase`, and where. */
export const findPhrase = (doc: Y.Doc, sectionId: string, phrase: string): { text: Y.XmlText; index: number } => {
  const walk = (node: Y.XmlElement | Y.XmlFragment): { text: Y.XmlText; index: number } | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const index = plainText(child).indexOf(phrase)
        if (index >= 0) return { text: child, index }
      } else if (child instanceof Y.XmlElement) {
        const found = walk(child)
        if (found) return found
      }
    }
    return null
  }
  const found = walk(doc.getXmlFragment(`section:${sectionId}`))
  if (!found) throw new Error(`phrase ${phrase} not in ${sectionId}`)
  return found
}

const plainText = (text: Y.XmlText): string =>
  text.toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join('')

/** Base64 relative positions around `phrase`, as the editor computes them from a selection. */
export const anchorsFor = (doc: Y.Doc, sectionId: string, phrase: string): { anchorStart: string; anchorEnd: string } => {
  const { text, index } = findPhrase(doc, sectionId, phrase)
  const encode = (at: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, at, -1))).toString('base64')
  return { anchorStart: encode(index), anchorEnd: encode(index + phrase.length) }
}

/** The text an anchored thread currently covers ('' when its phrase is gone). */
export const anchoredText = (doc: Y.Doc, anchorStart: string, anchorEnd: string): string => {
  const resolve = (anchor: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(anchor, 'base64')), doc)
  const start = resolve(anchorStart)
  const end = resolve(anchorEnd)
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText) || start.index >= end.index) return ''
  return plainText(start.type).slice(start.index, end.index)
}

/** Stock-provider clients opened by one test file, destroyed together at the end. */
export const createClientPool = () => {
  const clients: TestClient[] = []
  return {
    open: async (server: { url: string }, summaryId: string, token: string): Promise<TestClient> => {
      const client = connect(server, summaryId, token)
      clients.push(client)
      await synced(client)
      return client
    },
    track: (client: TestClient): TestClient => (clients.push(client), client),
    destroyAll: () => clients.splice(0).forEach((client) => client.destroy()),
  }
}

/** One test server for the tests of a file, and a pool of clients closed before it stops. */
export const useTestServer = () => {
  const suite = { clients: createClientPool() } as { server: Awaited<ReturnType<typeof startTestServer>>; clients: ReturnType<typeof createClientPool> }
  beforeAll(async () => {
    suite.server = await startTestServer()
  })
  afterAll(async () => {
    suite.clients.destroyAll()
    await suite.server.close()
  })
  return suite
}

/** Runs `npm start`'s entry point as a separate process (so it can be killed for real). */
export const spawnServer = (env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', ADMIN_PASSWORD, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /已启动：(http:\/\/\S+)/.exec(output)
      if (match) resolve({ url: match[1]!, child })
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
