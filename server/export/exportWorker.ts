/**
 * The export worker thread (ExportPool): runs one ExportJob at a time and answers with the file,
 * its bytes handed over rather than copied, or with what went wrong.
 */
import { parentPort } from 'node:worker_threads'
import { runExportJob, type ExportJob } from './exportJob.js'

export type WorkerAnswer = { file: Awaited<ReturnType<typeof runExportJob>> } | { error: string }

parentPort!.on('message', (job: ExportJob) => {
  runExportJob(job).then(
    (file) => parentPort!.postMessage({ file } satisfies WorkerAnswer, [file.body.buffer]),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerAnswer),
  )
})
