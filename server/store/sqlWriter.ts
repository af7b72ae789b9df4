/**
 * Client side of sqlWorker.mjs: `transact(operations)` runs them as one transaction in the
 * worker and resolves with the last operation's result. Operations run in the order sent.
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

export const createSqlWriter = (file: string): SqlWriter => {
  const worker = new Worker(new URL('./sqlWorker.mjs', import.meta.url), { workerData: { file } })
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>()
  let nextId = 0
  worker.on('message', ({ id, ok, result, message }: { id: number; ok: boolean; result: never; message: string }) => {
    const waiter = pending.get(id)
    pending.delete(id)
    if (ok) waiter?.resolve(result)
    else waiter?.reject(new Error(message))
  })
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error)
    pending.clear()
  })
  worker.unref()
  return {
    transact: <T>(operations: SqlOperation[]) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve: resolve as (value: never) => void, reject })
        worker.postMessage({ id, operations })
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
