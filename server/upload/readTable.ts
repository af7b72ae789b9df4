/**
 * Reads a table a client uploads (figures, users): CSV text (csv-parse) or an .xlsx workbook
 * (exceljs, the first sheet), sent as the body or as a multipart `file` field. What the table is
 * comes from its TableKind: how header cells name columns and which headers are acceptable. A
 * file that cannot be read is a 400 with the kind's error code and a Chinese message.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Context } from 'hono'
import { percentCellText } from '../../shared/indicators/figureNumber.js'
import type { RawRow, RowProblem } from '../../shared/schema/tableRows.js'
import { AppError } from '../errors.js'
import { XLSX_TYPE } from '../export/tableSheet.js'
import { findHeader, HEADER_ROWS, type HeaderKind, type TableHeader } from './tableHeader.js'
import { checkUnpackedSize } from './unpackedSize.js'
import { readUploadedFile } from './uploadedFile.js'

export interface TableKind extends HeaderKind {
  /** The error code of a bad file, e.g. `invalid-figures`. */
  errorCode: string
}

export interface TableUpload {
  rows: RawRow[]
  fileName: string
}

const badFile = (kind: TableKind, problems: RowProblem[], message: string): never => {
  throw new AppError(400, kind.errorCode, message, problems)
}

/** A row as read, with the units its sheet states when it states any. */
const rawRow = (row: number, cells: Record<string, unknown>, units: Record<string, string>): RawRow =>
  Object.keys(units).length > 0 ? { row, cells, units } : { row, cells }

/** The header found, or the file refused with the first candidate row's problems. */
const headerOf = (kind: TableKind, rows: ReadonlyArray<readonly unknown[]>): TableHeader => {
  const found = findHeader(kind, rows)
  if ('problems' in found) return badFile(kind, found.problems, `表头有误：${found.problems.map((problem) => problem.message).join('；')}`)
  return found
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
  const { at: header, columns, units } = headerOf(kind, records)
  return records.slice(header + 1).map((cells, index) => rawRow(header + index + 2, Object.fromEntries(columns.map((column, at) => [column, cells[at] ?? ''])), units))
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

/** Whether a number format scales by 100: a % of its own, not one in quotes or escaped (0.0"%" shows 98.5 as 98.5%). */
const isPercentFormat = (format: string | undefined): boolean => (format ?? '').replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%')

/** A cell as its sheet shows it where that matters: a percent-formatted number as 98.5%, not 0.985. */
const cellShown = (cell: ExcelJS.Cell): unknown => {
  const value = cellValue(cell.value)
  return typeof value === 'number' && isPercentFormat(cell.numFmt) ? percentCellText(value) : value
}

/** The start of an OLE compound file: an Excel 97–2003 workbook, or an .xlsx with a password to open it. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const isOleFile = (buffer: ArrayBuffer): boolean => {
  const start = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, OLE_SIGNATURE.length))
  return OLE_SIGNATURE.every((byte, at) => start[at] === byte)
}

export const readXlsx = async (kind: TableKind, buffer: ArrayBuffer): Promise<RawRow[]> => {
  if (isOleFile(buffer))
    return badFile(kind, [{ row: 1, column: '', message: '旧版 Excel 格式或设有打开密码' }], 'Excel 文件无法读取：这是旧版 Excel（.xls）格式，或设置了打开密码。请在 Excel 或 WPS 中打开，取消密码后“另存为” Excel 工作簿（.xlsx）再上传')
  checkUnpackedSize(buffer)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer)
  } catch {
    return badFile(kind, [{ row: 1, column: '', message: '不是有效的 .xlsx 文件' }], 'Excel 文件无法读取：请上传 .xlsx 格式（不支持 .xls）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return badFile(kind, [{ row: 1, column: '', message: '工作簿中没有工作表' }], 'Excel 文件中没有工作表')
  const top: unknown[][] = []
  // One row more than a header may start in: it may be the lower row of a header over two.
  for (let number = 1; number <= HEADER_ROWS + 1; number++) {
    const cells: unknown[] = []
    sheet.getRow(number).eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellShown(cell)))
    top.push(Array.from(cells, (cell) => cell ?? ''))
  }
  const { at, columns, units } = headerOf(kind, top)
  const rows: RawRow[] = []
  sheet.eachRow((row, number) => {
    if (number <= at + 1) return
    const cells = Object.fromEntries(columns.map((column, at) => [column, cellShown(row.getCell(at + 1))]))
    if (Object.values(cells).every((cell) => String(cell).trim() === '')) return
    rows.push(rawRow(number, cells, units))
  })
  return rows
}

const readFile = async (kind: TableKind, name: string, bytes: ArrayBuffer): Promise<RawRow[]> => {
  if (/\.xlsx$/i.test(name)) return readXlsx(kind, bytes)
  // Excel 97–2003 and WPS's own format: what older offices still save by default.
  if (/\.(xls|et)$/i.test(name))
    return badFile(kind, [{ row: 1, column: '', message: '旧版 Excel 文件（.xls）无法读取' }], `“${name}”是旧版 Excel 格式，请在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx）再上传`)
  if (/\.csv$/i.test(name) || /\.txt$/i.test(name)) return readCsv(kind, decodeCsv(bytes))
  return badFile(kind, [{ row: 1, column: '', message: '只支持 .csv 或 .xlsx 文件' }], `不支持的文件类型：${name}（请上传 .csv 或 .xlsx）`)
}

const TABLE_TYPES = ['text/csv', 'text/plain', XLSX_TYPE, 'application/octet-stream']

/** A table sent as CSV, .xlsx or a multipart `file`; anything else is a 415 saying `accepted`. */
export const readTable = async (c: Context, kind: TableKind, accepted: string): Promise<TableUpload> => {
  const file = await readUploadedFile(c, TABLE_TYPES, accepted)
  if (file.name !== null) return { fileName: file.name, rows: await readFile(kind, file.name, file.bytes) }
  if (file.type === 'text/csv' || file.type === 'text/plain') return { fileName: 'data.csv', rows: readCsv(kind, decodeCsv(file.bytes)) }
  return { fileName: 'data.xlsx', rows: await readXlsx(kind, file.bytes) }
}
