/**
 * .docx and .xlsx files are zip archives. A small upload can unpack to gigabytes (a zip bomb, or a
 * broken file), which would take the whole server down while mammoth or exceljs unpack it; the
 * sizes its entries declare are added up first (fflate reads the directory, unpacks nothing) and
 * an archive over the limit is refused before anyone unpacks it.
 */
import { unzipSync } from 'fflate'
import { AppError } from '../errors.js'

/** The most an uploaded Office file may unpack to: a year's summary is a few megabytes. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024

export const checkUnpackedSize = (bytes: ArrayBuffer): void => {
  let total = 0
  try {
    unzipSync(new Uint8Array(bytes), {
      filter: (entry) => {
        total += entry.originalSize
        return false
      },
    })
  } catch {
    return // not a readable zip: the file's own reader says so in its words
  }
  if (total > MAX_UNPACKED_BYTES) throw new AppError(400, 'archive-too-large', '文件解压后过大（上限 64 MB），可能已损坏，请检查后重新上传')
}
