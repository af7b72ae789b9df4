/**
 * Rows of an uploaded table (CSV or .xlsx: figures, users), before validation, and the problems
 * validation finds. Row numbers are spreadsheet rows (the header is row 1).
 */
export interface RawRow {
  row: number
  /** Cell by normalised column name. */
  cells: Record<string, unknown>
  /** The unit the sheet states for a column's cells: its header's (本年（万元）) or a 单位：万元 line above the header. */
  units?: Record<string, string>
}

export interface RowProblem {
  row: number
  column: string
  key?: string
  message: string
}

/** The first problems as one Chinese sentence for an error message. */
export const describeRowProblems = (problems: readonly RowProblem[]): string =>
  problems
    .slice(0, 5)
    .map((problem) => `第${problem.row}行 ${problem.column}：${problem.message}`)
    .join('；') + (problems.length > 5 ? `；另有 ${problems.length - 5} 处错误` : '')

/** A cell as trimmed text ('' for an empty cell). */
export const cellText = (cell: unknown): string => String(cell ?? '').trim()

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A CSV file as Excel in China opens it: UTF-8 with a BOM (without it Excel reads GBK and shows
 * garbage), CRLF line ends, cells quoted when they must be.
 */
export const csvFile = (rows: ReadonlyArray<readonly unknown[]>): string => '\uFEFF' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
