/**
 * `npm run bench:export`: how long the office waits for an export of a long summary, and what
 * an export costs the people typing meanwhile. One Huizong process (a child, as in `npm run
 * bench`) holds the demo summary filled with BENCH_EXPORT_KB (default 200) of varied text in
 * every section beside its figures. Each kind of answer is asked for BENCH_EXPORT_RUNS (default
 * 10) times in a row: the median and the slowest time, and its size. Then 20 clients, 3 typing
 * at 20 keys/s, type for BENCH_SECONDS (default 5) twice: once alone, once while the office
 * exports the .docx again and again — fan-out p50/p99 for both. The relay and Hocuspocus export
 * nothing, so this compares Huizong with itself.
 */
import * as Y from 'yjs'
import { Seeder } from './lib/clients.js'
import { runTyping, SECTIONS } from './lib/scenarios.js'
import { startHuizong, stop, type Target } from './lib/servers.js'

const KB = Number(process.env.BENCH_EXPORT_KB ?? 200)
const RUNS = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 10))
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const PHRASES = [
  '园区坚持以项目建设为抓手', '围绕主导产业精准招商', '全力推进重点项目落地见效', '营商环境持续优化', '企业获得感不断增强',
  '安全生产形势总体平稳', '全年开展隐患排查', '基础设施配套日趋完善', '党建引领作用充分发挥', '职工队伍凝聚力明显增强',
]

/** Paragraphs of text that do not repeat (as a real summary does not), `bytes` in all, spread over the sections. */
const summaryText = (bytes: number): Uint8Array => {
  const doc = new Y.Doc()
  let seed = 7
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31)
  let written = 0
  for (let paragraph = 0; written < bytes; paragraph++) {
    const fragment = doc.getXmlFragment(`section:${SECTIONS[paragraph % SECTIONS.length]}`)
    const sentences = Array.from({ length: 4 }, () => `${PHRASES[next() % PHRASES.length]}，完成${next() % 900}项，同比增长${(next() % 300) / 10}%。`)
    const text = sentences.join('')
    const element = new Y.XmlElement('paragraph')
    element.insert(0, [new Y.XmlText(text)])
    fragment.insert(fragment.length, [element])
    written += Buffer.byteLength(text)
  }
  return Y.encodeStateAsUpdate(doc)
}

/** The HTTP address and token behind a room's websocket URL. */
const httpOf = (target: Target, room: string) => {
  const url = new URL(target.url(room))
  return { base: `http://${url.host}`, headers: { authorization: `Bearer ${url.searchParams.get('token')}` } }
}

const REQUESTS: Array<[string, string]> = [
  ['纯文本 (txt)', 'export?format=txt'],
  ['Markdown', 'export?format=md'],
  ['HTML', 'export?format=html'],
  ['Word (.docx)', 'export?format=docx'],
  ['Word 公文格式 with 附件 and 批注', 'export?format=docx&letterhead=1&appendix=1&comments=all'],
  ['导出前检查 (preflight)', 'preflight'],
  ['进度 (progress)', 'progress'],
]

const main = async () => {
  const target = await startHuizong()
  try {
    const [room] = await target.rooms(1)
    const { base, headers } = httpOf(target, room!)
    const seeder = new Seeder(target, room!, Y.encodeStateAsUpdate(new Y.Doc()))
    await seeder.opened()
    seeder.upload(summaryText(KB * 1024))
    await sleep(2000)
    seeder.close()
    const ask = async (path: string) => {
      const started = performance.now()
      const response = await fetch(`${base}/api/summaries/${room}/${path}`, { headers })
      const body = await response.arrayBuffer()
      if (!response.ok) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`)
      return { ms: performance.now() - started, bytes: body.byteLength }
    }
    const text = await ask('export?format=txt')
    console.log(`# Export benchmark\n\n${new Date().toISOString()} · node ${process.version} · the demo summary with ${KB} KB of text (${(text.bytes / 1024).toFixed(0)} KB as plain text) · ${RUNS} runs each · command: npm run bench:export\n`)
    console.log('| answer | median ms | slowest ms | size KB |')
    console.log('|---|---|---|---|')
    for (const [name, path] of REQUESTS) {
      const runs = []
      for (let index = 0; index < RUNS; index++) runs.push(await ask(path))
      const times = runs.map((run) => run.ms).sort((a, b) => a - b)
      console.log(`| ${name} | ${times[Math.floor((times.length - 1) / 2)]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} | ${(runs[0]!.bytes / 1024).toFixed(0)} |`)
    }

    const typing = { docs: 1, clientsPerDoc: 20, writersPerDoc: 3, rate: 20, seconds: SECONDS, warmupSeconds: 1 }
    const alone = await runTyping(target, typing)
    let exporting = true
    let exports = 0
    const exporter = (async () => {
      while (exporting) {
        await ask('export?format=docx')
        exports += 1
      }
    })()
    const during = await runTyping(target, typing)
    exporting = false
    await exporter
    console.log(`\n20 clients of that summary, 3 typing at 20 keys/s, ${SECONDS} s:\n`)
    console.log('| while | p50 ms | p99 ms | lost |')
    console.log('|---|---|---|---|')
    console.log(`| nobody exports | ${alone.p50.toFixed(1)} | ${alone.p99.toFixed(1)} | ${alone.lost} |`)
    console.log(`| the office exports the .docx back to back (${exports} exports) | ${during.p50.toFixed(1)} | ${during.p99.toFixed(1)} | ${during.lost} |`)
  } finally {
    await stop(target.child)
  }
}

await main()
process.exit(0)
