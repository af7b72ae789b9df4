/**
 * Exports run in worker threads, so that writing a long summary's .docx (about a tenth of a
 * second, measured in `npm run bench:export`) never stops the event loop that carries everyone's
 * typing. At most `size` workers, each one export at a time; more exports wait their turn in
 * order. A worker starts with the first export (or `warm`) and stops after `idleMs` without one. A worker
 * that dies (out of memory, a crash) fails only the export it was running; the next export gets
 * a fresh one — also one that outgrew its `heapMb`, so a pathological summary fails its export
 * instead of taking the server's memory. Past `maxWaiting` exports in the queue (someone's script
 * asking again and again), more are refused with 503 rather than held in memory.
 */
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors.js'
import type { ExportFile } from './exportSummary.js'
import type { ExportJob } from './exportJob.js'
import type { WorkerAnswer } from './exportWorker.js'

const ENTRY = new URL('./exportWorkerEntry.mjs', import.meta.url)

interface Task {
  job: ExportJob
  resolve: (file: ExportFile) => void
  reject: (error: unknown) => void
}

const STOPPED = '导出服务已停止'

export interface ExportPoolOptions {
  /** Workers at most, each writing one export at a time. */
  workers: number
  /** Exports that may wait for a worker. */
  maxWaiting?: number
  /** Each worker's heap limit in MB (a long summary's .docx needs a few tens). */
  heapMb?: number
  /** How long a worker waits for the next export before it stops. */
  idleMs?: number
}

export class ExportPool {
  private readonly queue: Task[] = []
  private readonly running = new Map<Worker, Task | null>()
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>()
  private closed = false

  private readonly size: number
  private readonly maxWaiting: number
  private readonly heapMb: number
  private readonly idleMs: number

  constructor({ workers, maxWaiting = 32, heapMb = 512, idleMs = 5 * 60_000 }: ExportPoolOptions) {
    this.size = workers
    this.maxWaiting = maxWaiting
    this.heapMb = heapMb
    this.idleMs = idleMs
  }

  run(job: ExportJob): Promise<ExportFile> {
    if (this.closed) return Promise.reject(new Error(STOPPED))
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new AppError(503, 'export-busy', '导出请求过多，请稍后再试'))
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.next()
    })
  }

  /**
   * Starts a worker ahead of an export that is likely to come (the export dialog has just asked
   * for its preflight), so the export does not wait the half second a worker takes to start.
   */
  warm(): void {
    if (this.closed || this.running.size > 0) return
    this.rest(this.start())
  }

  /** Workers alive now (idle or exporting). */
  get workers(): number {
    return this.running.size
  }

  private next(): void {
    while (this.queue.length > 0) {
      const worker = [...this.running].find(([, task]) => task === null)?.[0] ?? (this.running.size < this.size ? this.start() : null)
      if (!worker) return
      const task = this.queue.shift()!
      clearTimeout(this.idleTimers.get(worker))
      this.idleTimers.delete(worker)
      this.running.set(worker, task)
      worker.ref()
      worker.postMessage(task.job)
    }
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: this.heapMb } })
    this.running.set(worker, null)
    worker.on('message', (answer: WorkerAnswer) => {
      const task = this.running.get(worker)
      this.running.set(worker, null)
      if ('file' in answer) task?.resolve(answer.file)
      else {
        console.error('[export] an export failed', answer.error)
        task?.reject(new Error(`导出失败：${answer.error.split('\n')[0]}`))
      }
      this.rest(worker)
      this.next()
    })
    worker.on('error', (error) => this.lose(worker, error))
    worker.on('exit', (code) => this.lose(worker, new Error(`导出进程意外退出（代码 ${code}）`)))
    return worker
  }

  /**
   * An idle worker stops after `idleMs`; it does not keep the process alive meanwhile. It leaves
   * the pool before it is told to stop, so no export is handed to it while it exits.
   */
  private rest(worker: Worker): void {
    if (this.queue.length > 0) return
    worker.unref()
    const stop = () => {
      this.running.delete(worker)
      this.idleTimers.delete(worker)
      void worker.terminate()
    }
    this.idleTimers.set(worker, setTimeout(stop, this.idleMs).unref())
  }

  /** A worker is gone: the export it ran fails, the queue goes on with another. */
  private lose(worker: Worker, error: Error): void {
    if (!this.running.has(worker)) return
    const task = this.running.get(worker)
    this.running.delete(worker)
    clearTimeout(this.idleTimers.get(worker))
    this.idleTimers.delete(worker)
    if (task && this.closed) task.reject(new Error(STOPPED))
    else if (task) {
      console.error('[export] a worker failed during an export', error)
      task.reject(new Error('导出失败：导出进程出错，请重试'))
    }
    if (!this.closed) this.next()
  }

  /** Stops every worker; exports still waiting fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0)) task.reject(new Error(STOPPED))
    await Promise.all([...this.running.keys()].map((worker) => worker.terminate()))
  }
}
