/**
 * An export as data a worker thread can take: the summary's Yjs state (and a version's, for a
 * 修订版) rather than docs. The main thread only encodes the state; building the docs and writing
 * the file — a tenth of a second for a long summary in Word — happens where it holds up no one.
 *
 * 各部门分稿 (`allParts`) is one job too: the part of every department that writes a section, each
 * a file of its own named by its place and department (01 经济发展局.docx), in one .zip — so a
 * summary of forty departments is one export in the queue, not forty, and zipping stays off the
 * loop as well.
 */
import { zipSync } from 'fflate'
import { docFromState } from '../summary/docFromState.js'
import { exportSummary, fileNameOf, type ExportFile, type ExportFormat, type ExportOptions, type Part } from './exportSummary.js'

export interface ExportJob {
  state: Uint8Array
  format: ExportFormat
  options: Omit<ExportOptions, 'since'>
  /** 修订版: the version to compare with. */
  since?: { state: Uint8Array; name: string }
  /** 各部门分稿: these parts, each a file, in one .zip named after the summary's `title`. */
  allParts?: { parts: readonly Part[]; title: string }
}

/** The job for one department's part (部门分稿), or the whole when there is no part. */
export const withPart = (job: ExportJob, part: Part | undefined): ExportJob => (part ? { ...job, options: { ...job.options, part } } : job)

/** One file: the summary, or the part `options.part` names. */
const exportOne = async ({ state, format, options, since }: ExportJob): Promise<ExportFile> => {
  const doc = docFromState(state)
  const compared = since ? { doc: docFromState(since.state), name: since.name } : undefined
  try {
    return await exportSummary(doc, format, { ...options, ...(compared ? { since: compared } : {}) })
  } finally {
    doc.destroy()
    compared?.doc.destroy()
  }
}

/** Every part a file of its own (each from a doc of its own: a 批注版 marks its doc), zipped. */
const exportParts = async (job: ExportJob, { parts, title }: NonNullable<ExportJob['allParts']>): Promise<ExportFile> => {
  const width = Math.max(2, String(parts.length).length)
  const entries: Record<string, Uint8Array> = {}
  for (const [index, part] of parts.entries()) {
    entries[`${String(index + 1).padStart(width, '0')} ${fileNameOf(part.department)}.${job.format}`] = (await exportOne(withPart(job, part))).body
  }
  // A .docx is compressed already; text is worth compressing.
  const body = zipSync(entries, { level: job.format === 'docx' ? 0 : 6 })
  return { body, contentType: 'application/zip', fileName: `${fileNameOf(title || '工作总结')}（各部门分稿）.zip` }
}

export const runExportJob = (job: ExportJob): Promise<ExportFile> => (job.allParts ? exportParts(job, job.allParts) : exportOne(job))
