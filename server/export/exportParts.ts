/**
 * 各部门分稿 in one download: the part of every department that writes a section (exportSummary's
 * `part`), each a file of its own named by its place and department (01 经济发展局.docx), in one
 * .zip — for the office that has every department head sign their part on paper, instead of
 * choosing each department in turn.
 */
import { zipSync } from 'fflate'
import { withPart, type ExportJob } from './exportJob.js'
import { fileNameOf, type ExportFile, type Part } from './exportSummary.js'

export const exportParts = async (run: (job: ExportJob) => Promise<ExportFile>, job: ExportJob, parts: readonly Part[], title: string): Promise<ExportFile> => {
  const files = await Promise.all(parts.map((part) => run(withPart(job, part))))
  const width = Math.max(2, String(parts.length).length)
  const entries = Object.fromEntries(parts.map((part, index) => [`${String(index + 1).padStart(width, '0')} ${fileNameOf(part.department)}.${job.format}`, files[index]!.body]))
  // A .docx is compressed already; text is worth compressing.
  const body = zipSync(entries, { level: job.format === 'docx' ? 0 : 6 })
  return { body, contentType: 'application/zip', fileName: `${fileNameOf(title || '工作总结')}（各部门分稿）.zip` }
}
