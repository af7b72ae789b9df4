import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { runExportJob, type ExportJob } from '../../server/export/exportJob.js'
import { ExportPool, type ExportPoolOptions } from '../../server/export/exportPool.js'
import { sectionRoot } from '../../shared/doc/roots.js'
import { buildFixture } from '../unit/exportFixture.js'

const pools: ExportPool[] = []
const poolOf = (workers: number, options: Omit<ExportPoolOptions, 'workers'> = {}) => {
  const pool = new ExportPool({ workers, ...options })
  pools.push(pool)
  return pool
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

const state = Y.encodeStateAsUpdate(buildFixture())
const date = new Date('2026-12-31T04:00:00Z')
const job = (format: ExportJob['format'], options: ExportJob['options'] = {}): ExportJob => ({ state, format, options: { date, ...options } })
const documentXml = (body: Uint8Array) => strFromU8(unzipSync(body)['word/document.xml']!)

describe('exports in worker threads', () => {
  it('writes in a worker exactly the file the same export writes on this thread', async () => {
    const pool = poolOf(1)
    const [text, inline] = await Promise.all([pool.run(job('txt')), runExportJob(job('txt'))])
    expect(new TextDecoder().decode(text.body)).toBe(new TextDecoder().decode(inline.body))
    expect(new TextDecoder().decode(text.body)).toContain('全年协议资金4.8亿元')
    expect(pool.workers).toBe(1)
    const [docx, inlineDocx] = await Promise.all([pool.run(job('docx', { appendix: true, comments: 'all' })), runExportJob(job('docx', { appendix: true, comments: 'all' }))])
    expect(documentXml(docx.body)).toBe(documentXml(inlineDocx.body))
    expect(docx).toMatchObject({ contentType: inlineDocx.contentType, fileName: '青山园区2026年度工作总结.docx' })
  })

  it('starts a worker ahead of an export when asked to, and uses it', async () => {
    const pool = poolOf(1)
    pool.warm()
    expect(pool.workers).toBe(1)
    pool.warm()
    expect(pool.workers).toBe(1)
    expect(new TextDecoder().decode((await pool.run(job('txt'))).body)).toContain('青山园区2026年度工作总结')
    expect(pool.workers).toBe(1)
  })

  it('stops a worker left idle, and starts another for the next export', async () => {
    const pool = poolOf(1, { idleMs: 100 })
    await pool.run(job('txt'))
    expect(pool.workers).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(pool.workers).toBe(0)
    expect(new TextDecoder().decode((await pool.run(job('md'))).body)).toContain('# 青山园区2026年度工作总结')
    expect(pool.workers).toBe(1)
  })

  it('queues more exports than workers and answers each with its own file', async () => {
    const pool = poolOf(1)
    const files = await Promise.all((['txt', 'md', 'html', 'docx', 'txt'] as const).map((format) => pool.run(job(format))))
    expect(files.map((file) => file.fileName.split('.').pop())).toEqual(['txt', 'md', 'html', 'docx', 'txt'])
    expect(new TextDecoder().decode(files[2]!.body)).toMatch(/^<!DOCTYPE html>/i)
    expect(pool.workers).toBe(1)
  })

  it('refuses exports past the queue’s limit with 503, and serves the ones it took', async () => {
    const pool = poolOf(1, { maxWaiting: 2 })
    const taken = [pool.run(job('docx')), pool.run(job('txt')), pool.run(job('md'))] // one exporting, two waiting
    await expect(pool.run(job('html'))).rejects.toMatchObject({ status: 503, code: 'export-busy', message: '导出请求过多，请稍后再试' })
    expect((await Promise.all(taken)).map((file) => file.fileName.split('.').pop())).toEqual(['docx', 'txt', 'md'])
    expect(new TextDecoder().decode((await pool.run(job('html'))).body)).toMatch(/^<!DOCTYPE html>/i)
  })

  it('writes every department’s part (各部门分稿) as one export, however many departments the queue would take', async () => {
    const pool = poolOf(1, { maxWaiting: 1 })
    const parts = [
      { departmentId: 'd1', department: '办公室' },
      { departmentId: 'd2', department: '招商部' },
      { departmentId: 'd1', department: '办公室' },
    ]
    const zip = await pool.run({ ...job('txt'), allParts: { parts, title: '青山园区2026年度工作总结' } })
    expect(zip).toMatchObject({ contentType: 'application/zip', fileName: '青山园区2026年度工作总结（各部门分稿）.zip' })
    const files = unzipSync(zip.body)
    expect(Object.keys(files)).toEqual(['01 办公室.txt', '02 招商部.txt', '03 办公室.txt'])
    expect(strFromU8(files['02 招商部.txt']!)).toBe(new TextDecoder().decode((await runExportJob({ ...job('txt'), options: { date, part: parts[1]! } })).body))
  })

  it('fails only the export whose worker outgrew its memory, and goes on with a fresh worker', async () => {
    const pool = poolOf(1, { heapMb: 48 })
    const huge = buildFixture()
    huge.transact(() => {
      const fragment = huge.getXmlFragment(sectionRoot('problems'))
      for (let index = 0; index < 4000; index++) {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`第${index}段，${'园区坚持以项目建设为抓手，围绕主导产业精准招商。'.repeat(20)}`)])
        fragment.insert(fragment.length, [paragraph])
      }
    })
    await expect(pool.run({ ...job('docx'), state: Y.encodeStateAsUpdate(huge) })).rejects.toThrow('导出失败：导出进程出错，请重试')
    expect(new TextDecoder().decode((await pool.run(job('txt'))).body)).toContain('全年协议资金4.8亿元')
    expect(pool.workers).toBe(1)
  })

  it('fails an export of unreadable data with a message, and goes on exporting', async () => {
    const pool = poolOf(1)
    await expect(pool.run({ ...job('docx'), state: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/^导出失败/)
    const file = await pool.run(job('md'))
    expect(new TextDecoder().decode(file.body)).toContain('# 青山园区2026年度工作总结')
  })

  it('refuses exports after it is closed, and fails the ones still waiting', async () => {
    const pool = poolOf(1)
    const running = expect(pool.run(job('docx'))).rejects.toThrow('导出服务已停止')
    const waiting = expect(pool.run(job('txt'))).rejects.toThrow('导出服务已停止')
    await pool.close()
    await Promise.all([running, waiting])
    await expect(pool.run(job('txt'))).rejects.toThrow('导出服务已停止')
    expect(pool.workers).toBe(0)
  })
})
