/**
 * `npm run export -- --summary <id> --format docx --out 总结.docx`: exports a summary straight
 * from the data directory, no running server needed (SQLite in WAL mode allows reading beside it).
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { loadSummaryDoc } from '../collab/rooms.js'
import { runExportJob, withPart } from '../export/exportJob.js'
import { ALL_PARTS } from '../../shared/export/model.js'
import { allPartsOf, exportChoicesOf, isExportFormat, partOf, unknownFormatMessage, versionToCompare } from '../export/exportSummary.js'
import { createStore } from '../store/createStore.js'

const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}

const { values } = parseArgs({
  options: {
    summary: { type: 'string' },
    format: { type: 'string', default: 'docx' },
    out: { type: 'string' },
    'data-dir': { type: 'string' },
    list: { type: 'boolean', default: false },
    date: { type: 'string' },
    appendix: { type: 'boolean', default: false },
    comments: { type: 'string' },
    'changes-since': { type: 'string' },
    letterhead: { type: 'boolean', default: false },
    department: { type: 'string' },
    draft: { type: 'string' },
  },
})

const store = await createStore({ dataDir: resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data'), databaseUrl: process.env.DATABASE_URL || undefined })
if (values.list || !values.summary) {
  const summaries = await store.catalog.listSummaries()
  console.log(values.summary ? '' : '用法：npm run export -- --summary <编号> --format docx|txt|md|html --out <文件> [--date 2026-12-31] [--appendix] [--comments 1|all] [--changes-since <版本编号>] [--letterhead] [--department <部门编号>|all] [--draft 征求意见稿]\n\n现有总结：')
  for (const summary of summaries) console.log(`  ${summary.id}  ${summary.title}`)
  process.exit(values.list ? 0 : 1)
}
const format = isExportFormat(values.format) ? values.format : fail(unknownFormatMessage(values.format))
/** An option's check, its 400 message said on the console instead. */
const checked = async <T>(read: () => T | Promise<T>): Promise<T> => {
  try {
    return await read()
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
}
// The same choices, checked the same way, as the export routes read from their query.
const flags: Record<string, string | undefined> = { date: values.date, appendix: values.appendix ? '1' : undefined, comments: values.comments, letterhead: values.letterhead ? '1' : undefined, draft: values.draft }
const choices = await checked(() => exportChoicesOf((name) => flags[name], format, new Date()))
const summary = (await store.catalog.getSummary(values.summary!)) ?? fail(`总结“${values.summary}”不存在（--list 可列出全部）`)
const since = await checked(() => versionToCompare(store, summary.id, values['changes-since'], format, choices.comments))
const { doc } = await loadSummaryDoc(store, summary.id)
const outline = readOutline(doc)
const job = { state: Y.encodeStateAsUpdate(doc), format, options: choices, ...(since ? { since } : {}) }
// On this thread: nobody else waits on this process.
const file = await runExportJob(
  values.department === ALL_PARTS
    ? { ...job, allParts: { parts: await checked(() => allPartsOf(store, outline, choices.letterhead, since)), title: readMeta(doc).title } }
    : withPart(job, await checked(() => partOf(store, outline, values.department, choices.letterhead, since))),
)
const out = resolve(values.out ?? file.fileName)
writeFileSync(out, file.body)
await store.close()
console.log(`已导出：${out}`)
