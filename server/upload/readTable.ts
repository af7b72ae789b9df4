/**
 * Reads a table a client uploads (figures, users): CSV text (csv-parse) or an .xlsx workbook
 * (exceljs, the first sheet), sent as the body or as a multipart `file` field. What the table is
 * comes from its TableKind: how header cells name columns and which headers are acceptable. A
 * file that cannot be read is a 400 with the kind's error code and a Chinese message.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Context } from 'hono'
import type { RawRow, RowProblem } from '../../shared/schema/tableRows.js'
import { AppError } from '../errors.js'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface TableKind {
  /** The error code of a bad file, e.g. `invalid-figures`. */
  errorCode: string
  /** A header cell as the column it names. */
  normaliseColumn(cell: unknown): string
  /** Problems with the header (missing or unknown columns), none when it is fine. */
  checkHeader(columns: readonly string[]): RowProblem[]
}

export interface TableUpload {
  rows: RawRow[]
  fileName: string
}

const badFile = (kind: TableKind, problems: RowProblem[], message: string): never => {
  throw new AppError(400, kind.errorCode, message, problems)
}

const checkHeader = (kind: TableKind, columns: readonly string[]): void => {
  const problems = kind.checkHeader(columns)
  if (problems.length > 0) badFile(kind, problems, `表头有误：${problems.map((problem) => problem.message).join('；')}`)
}

/**
 * CSV bytes as text: UTF-8 (with or without BOM), else GB18030 — what Excel in China writes
 * ("CSV (逗号分隔)" saves in the system code page, GBK).
 */
export const decodeCsv = (bytes: ArrayBuffer | Uint8Array): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

export const readCsv = (kind: TableKind, text: string): RawRow[] => {
  let records: string[][]
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][]
  } catch (error) {
    return badFile(kind, [{ row: 1, column: '', message: 'CSV 格式有误' }], `CSV 文件无法解析：${error instanceof Error ? error.message : ''}`)
  }
  const [header = [], ...body] = records
  const columns = header.map((cell) => kind.normaliseColumn(cell))
  checkHeader(kind, columns)
  return body.map((cells, index) => ({ row: index + 2, cells: Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? ''])) }))
}

const cellValue = (value: ExcelJS.CellValue): unknown => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('result' in value) return value.result ?? ''
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value) return value.text
    return String(value)
  }
  return value
}

export const readXlsx = async (kind: TableKind, buffer: ArrayBuffer): Promise<RawRow[]> => {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer)
  } catch {
    return badFile(kind, [{ row: 1, column: '', message: '不是有效的 .xlsx 文件' }], 'Excel 文件无法读取：请上传 .xlsx 格式（不支持 .xls）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return badFile(kind, [{ row: 1, column: '', message: '工作簿中没有工作表' }], 'Excel 文件中没有工作表')
  const columns: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (columns[column - 1] = kind.normaliseColumn(cellValue(cell.value))))
  checkHeader(kind, columns)
  const rows: RawRow[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const cells = Object.fromEntries(columns.map((column, at) => [column, cellValue(row.getCell(at + 1).value)]))
    if (Object.values(cells).every((cell) => String(cell).trim() === '')) return
    rows.push({ row: number, cells })
  })
  return rows
}

const readFile = async (kind: TableKind, name: string, bytes: ArrayBuffer): Promise<RawRow[]> => {
  if (/\.xlsx$/i.test(name)) return readXlsx(kind, bytes)
  if (/\.csv$/i.test(name) || /\.txt$/i.test(name)) return readCsv(kind, decodeCsv(bytes))
  return badFile(kind, [{ row: 1, column: '', message: '只支持 .csv 或 .xlsx 文件' }], `不支持的文件类型：${name}（请上传 .csv 或 .xlsx）`)
}

const tooLarge = () => new AppError(413, 'upload-too-large', '文件过大（上限 5 MB）')

/** Refuses a request that announces a body over the upload limit, before reading it. */
export const checkAnnouncedLength = (c: Context): void => {
  if (Number(c.req.header('content-length') ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge()
}

/** The content type of a request, without parameters, lower case. */
export const contentType = (c: Context): string => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/** A table sent as CSV, .xlsx or a multipart `file`; anything else is a 415 saying `accepted`. */
export const readTable = async (c: Context, kind: TableKind, accepted: string): Promise<TableUpload> => {
  const type = contentType(c)
  checkAnnouncedLength(c)
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError(400, 'invalid-upload', '上传内容无法解析（表单格式有误），请重新选择文件上传')
    })
    const file = form.file
    if (!(file instanceof File)) throw new AppError(400, 'missing-file', '请选择要上传的 CSV 或 Excel 文件（字段 file）')
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge()
    return { fileName: file.name, rows: await readFile(kind, file.name, await file.arrayBuffer()) }
  }
  if (type !== 'text/csv' && type !== 'text/plain' && type !== XLSX_TYPE && type !== 'application/octet-stream') throw new AppError(415, 'unsupported-media-type', accepted)
  const bytes = await c.req.arrayBuffer()
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge()
  if (type === 'text/csv' || type === 'text/plain') return { fileName: 'data.csv', rows: readCsv(kind, decodeCsv(bytes)) }
  return { fileName: 'data.xlsx', rows: await readXlsx(kind, bytes) }
}
