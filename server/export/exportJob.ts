/**
 * An export as data a worker thread can take: the summary's Yjs state (and a version's, for a
 * 修订版) rather than docs. The main thread only encodes the state; building the docs and writing
 * the file — a tenth of a second for a long summary in Word — happens where it holds up no one.
 */
import { docFromState } from '../summary/docFromState.js'
import { exportSummary, type ExportFile, type ExportFormat, type ExportOptions, type Part } from './exportSummary.js'

export interface ExportJob {
  state: Uint8Array
  format: ExportFormat
  options: Omit<ExportOptions, 'since'>
  /** 修订版: the version to compare with. */
  since?: { state: Uint8Array; name: string }
}

/** The job for one department's part (部门分稿), or the whole when there is no part. */
export const withPart = (job: ExportJob, part: Part | undefined): ExportJob => (part ? { ...job, options: { ...job.options, part } } : job)

export const runExportJob = async ({ state, format, options, since }: ExportJob): Promise<ExportFile> => {
  const doc = docFromState(state)
  const compared = since ? { doc: docFromState(since.state), name: since.name } : undefined
  try {
    return await exportSummary(doc, format, { ...options, ...(compared ? { since: compared } : {}) })
  } finally {
    doc.destroy()
    compared?.doc.destroy()
  }
}
