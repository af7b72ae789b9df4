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
import { checkUnpackedSize } from './unpackedSize.js'
import { readUploadedFile } from './uploadedFile.js'

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

/** How far down a sheet its header may be: under a title (2026年主要经济指标完成情况表) and a 单位：万元 line. */
const HEADER_ROWS = 5

const HEADER_UNIT = /[（(]\s*([^（）()\d\s]{1,6})\s*[）)]$/
const SHEET_UNIT = /^(?:计量)?单位\s*[:：]\s*([^\s\d，,；;、]{1,6})/

/**
 * The unit the sheet states per column: a header's own (本年（万元）), else a 单位：万元 line above
 * the header (in any of its cells). Only columns with one are listed.
 */
const statedUnits = (above: ReadonlyArray<readonly unknown[]>, header: readonly unknown[], columns: readonly string[]): Record<string, string> => {
  const sheet = above.flat().map((cell) => SHEET_UNIT.exec(String(cell ?? '').trim())?.[1]).find(Boolean)
  const units: Record<string, string> = {}
  columns.forEach((column, at) => {
    const unit = HEADER_UNIT.exec(String(header[at] ?? '').trim())?.[1] ?? sheet
    if (unit && column !== '') units[column] = unit
  })
  return units
}

/** A row as read, with the units its sheet states when it states any. */
const rawRow = (row: number, cells: Record<string, unknown>, units: Record<string, string>): RawRow =>
  Object.keys(units).length > 0 ? { row, cells, units } : { row, cells }

const cellName = (cell: unknown): string => String(cell ?? '').trim()
/** A cell that is only a unit, as a row of units under a header has them: 万元, （亿元）, %. */
const UNIT_CELL = /^[（(]?\s*((?:十万|百万|千万|[千万亿])?(?:元|个|家|户|亩|名|人次|人|次|项|件|吨|公里|千米|米|平方米|公顷|场|期|条|篇|份|处|台|套|起|所|%|％))\s*[）)]?$/

/**
 * A header over two rows, as statistics sheets have it: 2026年 merged over two columns above
 * 完成 | 目标. Each cell of the lower row names its column within the cell above it, or within the
 * nearest one to its left where the upper cell is empty (a merged cell read as CSV). Null when
 * the lower row is not such a row: empty, or holding a number.
 */
const twoRowHeader = (upper: readonly unknown[], lower: readonly unknown[]): string[] | null => {
  if (!lower.some((cell) => cellName(cell) !== '') || lower.some((cell) => typeof cell === 'number' || /^[-+]?\d/.test(cellName(cell)))) return null
  let carried = ''
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, at) => {
    const above = cellName(upper[at])
    if (above !== '') carried = above
    const below = cellName(lower[at])
    // Empty, the same cell merged over both rows (a sheet gives its value in each), or the
    // units row's own name (计量单位 under 指标名称).
    if (below === '' || below === above || /^(?:计量)?单位$/.test(below)) return above
    const parent = above || carried
    // A row of units under the header (本年 over 万元) says each column's unit.
    const unitOnly = UNIT_CELL.exec(below)?.[1]
    if (unitOnly) return `${parent.replace(HEADER_UNIT, '')}（${unitOnly}）`
    const unit = HEADER_UNIT.exec(parent)?.[1] ?? HEADER_UNIT.exec(below)?.[1]
    return `${parent.replace(HEADER_UNIT, '')}${below.replace(HEADER_UNIT, '')}${unit ? `（${unit}）` : ''}`
  })
}

/**
 * The header among the first rows: the first whose cells (or whose cells with the row under
 * them, for a header over two rows) name acceptable columns; `at` is the header's last row.
 * None: the first row's problems, as a 400.
 */
const findHeader = (kind: TableKind, rows: ReadonlyArray<readonly unknown[]>): { at: number; columns: string[]; units: Record<string, string> } => {
  let first: RowProblem[] | null = null
  for (let at = 0; at < Math.min(HEADER_ROWS, rows.length); at++) {
    const names = at + 1 < rows.length ? twoRowHeader(rows[at]!, rows[at + 1]!) : null
    const paired = names?.map((name) => kind.normaliseColumn(name))
    if (names && paired && kind.checkHeader(paired).length === 0) return { at: at + 1, columns: paired, units: statedUnits(rows.slice(0, at), names, paired) }
    const columns = rows[at]!.map((cell) => kind.normaliseColumn(cell))
    const problems = kind.checkHeader(columns)
    if (problems.length === 0) return { at, columns, units: statedUnits(rows.slice(0, at), rows[at]!, columns) }
    first ??= problems
  }
  first ??= kind.checkHeader([])
  return badFile(kind, first, `表头有误：${first.map((problem) => problem.message).join('；')}`)
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
  const { at: header, columns, units } = findHeader(kind, records)
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
  const { at, columns, units } = findHeader(kind, top)
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
