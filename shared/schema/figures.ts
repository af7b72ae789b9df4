/**
 * Figure rows from an upload or the API, validated all-or-nothing: each problem names its row
 * and column in Chinese. Row numbers are spreadsheet rows (the header is row 1).
 */
export interface RawFigureRow {
  row: number
  cells: Record<string, unknown>
}

export interface FigureRow {
  row: number
  key: string
  value: number | null
  /** undefined when the column is absent: the stored figure is kept. */
  previous?: number | null
  target?: number | null
}

export interface RowProblem {
  row: number
  column: string
  key?: string
  message: string
}

export const FIGURE_COLUMNS = ['key', 'value', 'previous', 'target'] as const
/** Columns a template file may carry for people; ignored on import. */
export const INFORMATIVE_COLUMNS = ['label', 'unit'] as const
export const COLUMN_LABELS: Record<string, string> = { key: '指标键', value: '本年数', previous: '上年数', target: '目标数' }

const parseNumber = (cell: unknown): number | null | undefined => {
  if (cell === null || cell === undefined) return null
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined
  const text = String(cell).trim().replace(/[,，\s]/g, '')
  if (text === '') return null
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined
}

/** Checks the header of a CSV/XLSX upload; returns problems for missing or unknown columns. */
export const checkHeader = (columns: readonly string[]): RowProblem[] => {
  const problems: RowProblem[] = []
  for (const required of ['key', 'value']) {
    if (!columns.includes(required)) problems.push({ row: 1, column: required, message: `缺少“${required}”列（${COLUMN_LABELS[required]}）` })
  }
  for (const column of columns) {
    if (column === '') continue
    if (![...FIGURE_COLUMNS, ...INFORMATIVE_COLUMNS].includes(column as never))
      problems.push({ row: 1, column, message: `不认识的列“${column}”，可用的列：key,value,previous,target` })
  }
  return problems
}

/** Validates raw rows against the summary's indicator keys. */
export const validateFigureRows = (rows: readonly RawFigureRow[], knownKeys: ReadonlySet<string>): { rows: FigureRow[]; problems: RowProblem[] } => {
  const problems: RowProblem[] = []
  const seen = new Map<string, number>()
  const valid: FigureRow[] = []
  for (const { row, cells } of rows) {
    const key = String(cells.key ?? '').trim()
    if (key === '') {
      problems.push({ row, column: 'key', message: '指标键不能为空' })
      continue
    }
    if (!knownKeys.has(key)) problems.push({ row, column: 'key', key, message: `未知的指标键“${key}”` })
    if (seen.has(key)) problems.push({ row, column: 'key', key, message: `指标键“${key}”与第 ${seen.get(key)} 行重复` })
    seen.set(key, row)
    const figure: FigureRow = { row, key, value: null }
    for (const column of ['value', 'previous', 'target'] as const) {
      if (column !== 'value' && !(column in cells)) continue
      const parsed = parseNumber(cells[column])
      if (parsed === undefined) problems.push({ row, column, key, message: `${COLUMN_LABELS[column]}“${String(cells[column])}”不是数字` })
      else figure[column] = parsed
    }
    valid.push(figure)
  }
  if (rows.length === 0) problems.push({ row: 1, column: 'key', message: '没有任何数据行' })
  return { rows: problems.length > 0 ? [] : valid, problems }
}

/** One line per problem, for the error message: `第3行 value：…`. */
export const describeRowProblems = (problems: readonly RowProblem[]): string =>
  problems
    .slice(0, 5)
    .map((problem) => `第${problem.row}行 ${problem.column}：${problem.message}`)
    .join('；') + (problems.length > 5 ? `；另有 ${problems.length - 5} 处错误` : '')
