/**
 * The paragraphs of an uploaded Word file (.docx only, unpacked size checked first), as mammoth
 * reads its raw text: one entry per paragraph, empty ones included.
 */
import type { Context } from 'hono'
import mammoth from 'mammoth'
import { AppError } from '../errors.js'
import { checkUnpackedSize } from './unpackedSize.js'
import { readUploadedFile } from './uploadedFile.js'

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const readUploadedDocx = async (c: Context): Promise<{ name: string | null; paragraphs: string[] }> => {
  const file = await readUploadedFile(c, [DOCX_TYPE, 'application/octet-stream'], '请上传 Word（.docx）文件')
  if (file.name !== null && !/\.docx$/i.test(file.name)) throw new AppError(400, 'invalid-docx', `“${file.name}”不是 .docx 文件（旧版 .doc 请先在 Word/WPS 中另存为 .docx）`)
  checkUnpackedSize(file.bytes)
  const text = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) }).then(
    (result) => result.value,
    () => {
      throw new AppError(400, 'invalid-docx', 'Word 文件无法读取：文件可能已损坏，或不是 .docx 格式')
    },
  )
  return { name: file.name, paragraphs: text.split('\n') }
}
