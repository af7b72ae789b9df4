/**
 * How the page's files are served: built files (named by their content) compressed at build and
 * kept by browsers for good, the page itself asked again every time, and a file the build no
 * longer has a 404 rather than the page (an open page after an update asks for old names).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { get, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from './harness.js'

let server: Awaited<ReturnType<typeof startTestServer>>

/** The bytes as they travel (fetch would decompress them), with the headers. */
const rawGet = (url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
const script = `export const greeting = ${JSON.stringify('年终工作总结'.repeat(200))}\n`

beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'huizong-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>汇总</title><script type="module" src="/assets/page-3f9a1c.js"></script>')
  writeFileSync(join(clientDir, 'assets', 'page-3f9a1c.js'), script)
  writeFileSync(join(clientDir, 'assets', 'page-3f9a1c.js.br'), brotliCompressSync(script))
  writeFileSync(join(clientDir, 'assets', 'page-3f9a1c.js.gz'), gzipSync(script))
  server = await startTestServer(undefined, { CLIENT_DIR: clientDir })
})

afterAll(async () => server.close())

describe('the page’s files', () => {
  it('sends a built file compressed as the browser accepts it, to be kept for good', async () => {
    const compressed = await rawGet(`${server.url}/assets/page-3f9a1c.js`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(compressed.headers['content-encoding']).toBe('br')
    expect(compressed.headers.vary).toContain('Accept-Encoding')
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(compressed.body.byteLength).toBeLessThan(Buffer.byteLength(script) / 5)
    expect(brotliDecompressSync(compressed.body).toString()).toBe(script)
    const gzipped = await rawGet(`${server.url}/assets/page-3f9a1c.js`, { 'accept-encoding': 'gzip' })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    // A client that accepts nothing gets the file as it is.
    const plain = await rawGet(`${server.url}/assets/page-3f9a1c.js`, { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('answers a file the build does not have with 404, not with the page', async () => {
    const missing = await fetch(`${server.url}/assets/page-0ld0ld.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).not.toContain('text/html')
  })

  it('has the page asked for again on every load, under every address of the app', async () => {
    for (const path of ['/', '/s/some-summary', '/login']) {
      const page = await fetch(server.url + path)
      expect([path, page.status, page.headers.get('cache-control')]).toEqual([path, 200, 'no-cache'])
      expect(await page.text()).toContain('/assets/page-3f9a1c.js')
    }
  })
})
