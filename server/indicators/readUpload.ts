/**
 * Reads figure rows from what a client sent to PUT …/indicators: JSON `{values:[…]}`, CSV text
 * (csv-parse) or an .xlsx workbook (exceljs), directly or as a multipart `file` field.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import type { Context } from 'hono'
import { z } from 'zod'
import { checkHeader, normaliseColumn, type RawFigureRow, type RowProblem } from '../../shared/schema/figures.js'
import { AppError } from '../errors.js'
import { parseInput } from '../validate.js'

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface Upload {
  rows: RawFigureRow[]
  /** The file name of an upload, or null for JSON. */
  fileName: string | null
}

const jsonSchema = z.object({
  values: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        value: z.number().finite().nullable(),
        previous: z.number().finite().nullable().optional(),
        target: z.number().finite().nullable().optional(),
      }),
    )
    .max(1000),
})

const badFile = (problems: RowProblem[], message: string): never => {
  throw new AppError(400, 'invalid-figures', message, problems)
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

export const readCsv = (text: string): RawFigureRow[] => {
  let records: string[][]
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][]
  } catch (error) {
    return badFile([{ row: 1, column: '', message: 'CSV 格式有误' }], `CSV 文件无法解析：${error instanceof Error ? error.message : ''}`)
  }
  const [header = [], ...body] = records
  const columns = header.map(normaliseColumn)
  const headerProblems = checkHeader(columns)
  if (headerProblems.length > 0) badFile(headerProblems, `表头有误：${headerProblems.map((problem) => problem.message).join('；')}`)
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

export const readXlsx = async (buffer: ArrayBuffer): Promise<RawFigureRow[]> => {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer)
  } catch {
    return badFile([{ row: 1, column: '', message: '不是有效的 .xlsx 文件' }], 'Excel 文件无法读取：请上传 .xlsx 格式（不支持 .xls）')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return badFile([{ row: 1, column: '', message: '工作簿中没有工作表' }], 'Excel 文件中没有工作表')
  const columns: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => (columns[column - 1] = normaliseColumn(cellValue(cell.value))))
  const headerProblems = checkHeader(columns)
  if (headerProblems.length > 0) badFile(headerProblems, `表头有误：${headerProblems.map((problem) => problem.message).join('；')}`)
  const rows: RawFigureRow[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const cells = Object.fromEntries(columns.map((column, at) => [column, cellValue(row.getCell(at + 1).value)]))
    if (Object.values(cells).every((cell) => String(cell).trim() === '')) return
    rows.push({ row: number, cells })
  })
  return rows
}

const readFile = async (name: string, bytes: ArrayBuffer): Promise<RawFigureRow[]> => {
  if (/\.xlsx$/i.test(name)) return readXlsx(bytes)
  if (/\.csv$/i.test(name) || /\.txt$/i.test(name)) return readCsv(decodeCsv(bytes))
  return badFile([{ row: 1, column: '', message: '只支持 .csv 或 .xlsx 文件' }], `不支持的文件类型：${name}（请上传 .csv 或 .xlsx）`)
}

export const readUpload = async (c: Context): Promise<Upload> => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > MAX_UPLOAD_BYTES) throw new AppError(413, 'upload-too-large', '文件过大（上限 5 MB）')
  if (type === 'application/json') {
    const body = parseInput(jsonSchema, await c.req.json().catch(() => null))
    return { fileName: null, rows: body.values.map((cells, index) => ({ row: index + 1, cells })) }
  }
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError(400, 'invalid-upload', '上传内容无法解析（表单格式有误），请重新选择文件上传')
    })
    const file = form.file
    if (!(file instanceof File)) throw new AppError(400, 'missing-file', '请选择要上传的 CSV 或 Excel 文件（字段 file）')
    if (file.size > MAX_UPLOAD_BYTES) throw new AppError(413, 'upload-too-large', '文件过大（上限 5 MB）')
    return { fileName: file.name, rows: await readFile(file.name, await file.arrayBuffer()) }
  }
  const bytes = await c.req.arrayBuffer()
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError(413, 'upload-too-large', '文件过大（上限 5 MB）')
  if (type === 'text/csv' || type === 'text/plain') return { fileName: 'data.csv', rows: readCsv(decodeCsv(bytes)) }
  if (type === XLSX_TYPE || type === 'application/octet-stream') return { fileName: 'data.xlsx', rows: await readXlsx(bytes) }
  throw new AppError(415, 'unsupported-media-type', '请以 JSON、CSV（text/csv）或 Excel（.xlsx）格式提交指标数据')
}
