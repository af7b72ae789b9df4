/**
 * Client side of sqlWorker.mjs: `transact(operations)` runs them atomically in the worker and
 * resolves with the last operation's result, in the order sent. While one commit is in flight,
 * further requests (from every summary) are pooled and committed together in the next
 * transaction: one fsync for all of them. A pooled transaction fails or succeeds as a whole.
 */
import { Worker } from 'node:worker_threads'

export interface SqlOperation {
  sql: string
  /** Positional values, or one object for @named parameters. */
  params: unknown[] | Record<string, unknown>
  mode?: 'run' | 'get'
}

export interface SqlWriter {
  transact<T>(operations: SqlOperation[]): Promise<T>
  close(): Promise<void>
}

interface Request {
  operations: SqlOperation[]
  resolve: (value: never) => void
  reject: (error: Error) => void
}

export const createSqlWriter = (file: string): SqlWriter => {
  const worker = new Worker(new URL('./sqlWorker.mjs', import.meta.url), { workerData: { file } })
  let inFlight: Request[] | null = null
  let pooled: Request[] = []

  const send = () => {
    if (inFlight || pooled.length === 0) return
    inFlight = pooled
    pooled = []
    worker.postMessage({ groups: inFlight.map((request) => request.operations) })
  }

  worker.on('message', ({ ok, results, message }: { ok: boolean; results: never[]; message: string }) => {
    const done = inFlight ?? []
    inFlight = null
    done.forEach((request, index) => (ok ? request.resolve(results[index]!) : request.reject(new Error(message))))
    send()
  })
  worker.on('error', (error) => {
    for (const request of [...(inFlight ?? []), ...pooled]) request.reject(error)
    inFlight = null
    pooled = []
  })
  worker.unref()
  return {
    transact: <T>(operations: SqlOperation[]) =>
      new Promise<T>((resolve, reject) => {
        pooled.push({ operations, resolve: resolve as (value: never) => void, reject })
        send()
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
