/**
 * The paragraphs of an uploaded Word file (.docx only, unpacked size checked first), as mammoth
 * reads its raw text in a worker thread: one entry per paragraph, empty ones included.
 */
import type { Context } from 'hono'
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors.js'
import { checkUnpackedSize } from './unpackedSize.js'
import { readUploadedFile } from './uploadedFile.js'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const readUploadedDocx = async (c: Context): Promise<{ name: string | null; paragraphs: string[] }> => {
  const file = await readUploadedFile(c, [DOCX_TYPE, 'application/octet-stream'], '请上传 Word（.docx）文件')
  if (file.name !== null && !/\.docx$/i.test(file.name)) throw new AppError(400, 'invalid-docx', `“${file.name}”不是 .docx 文件（旧版 .doc 请先在 Word/WPS 中另存为 .docx）`)
  checkUnpackedSize(file.bytes)
  const text = await readText(file.bytes)
  if (text === null) throw new AppError(400, 'invalid-docx', 'Word 文件无法读取：文件可能已损坏，或不是 .docx 格式')
  return { name: file.name, paragraphs: text.split('\n') }
}

/** The raw text, or null when mammoth cannot read the file (or the thread runs out of memory on it). */
const readText = (bytes: ArrayBuffer): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./docxTextWorker.mjs', import.meta.url), { workerData: bytes, transferList: [bytes], resourceLimits: { maxOldGenerationSizeMb: 512 } })
    worker.once('message', (answer: { text: string | null }) => resolve(answer.text))
    worker.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(null) : reject(error)))
    worker.once('exit', () => resolve(null)) // after an answer, resolving again changes nothing
  })
