/**
 * The header of an uploaded table (figures, users): which of the first rows it is — under a
 * title and a 单位：万元 line, over one row or two (2026年 merged above 完成 | 目标, or a row of
 * units) — which column each cell names, and the unit the sheet states for each column.
 */
import { BRACKETED_UNIT } from '../../shared/indicators/unitScale.js'
import { cellText, type RowProblem } from '../../shared/schema/tableRows.js'

/** What a table's header may be. */
export interface HeaderKind {
  /** A header cell as the column it names. */
  normaliseColumn(cell: unknown): string
  /** Problems with the header (missing or unknown columns), none when it is fine. */
  checkHeader(columns: readonly string[]): RowProblem[]
}

export interface TableHeader {
  /** The header's last row (0-based): data starts after it. */
  at: number
  columns: string[]
  /** The unit the sheet states per column (本年（万元）, or a 单位：万元 line above), where it states one. */
  units: Record<string, string>
}

/** How far down a sheet its header may be: under a title (2026年主要经济指标完成情况表) and a 单位：万元 line. */
export const HEADER_ROWS = 5

const SHEET_UNIT = /^(?:计量)?单位\s*[:：]\s*([^\s\d，,；;、]{1,6})/

/**
 * The unit the sheet states per column: a header's own (本年（万元）), else a 单位：万元 line above
 * the header (in any of its cells). Only columns with one are listed.
 */
const statedUnits = (above: ReadonlyArray<readonly unknown[]>, header: readonly unknown[], columns: readonly string[]): Record<string, string> => {
  const sheet = above.flat().map((cell) => SHEET_UNIT.exec(cellText(cell))?.[1]).find(Boolean)
  const units: Record<string, string> = {}
  columns.forEach((column, at) => {
    const unit = BRACKETED_UNIT.exec(cellText(header[at]))?.[1] ?? sheet
    if (unit && column !== '') units[column] = unit
  })
  return units
}

/** A cell that is only a unit, as a row of units under a header has them: 万元, （亿元）, %. */
const UNIT_CELL = /^[（(]?\s*((?:十万|百万|千万|[千万亿])?(?:元|个|家|户|亩|名|人次|人|次|项|件|吨|公里|千米|米|平方米|公顷|场|期|条|篇|份|处|台|套|起|所|%|％))\s*[）)]?$/

/**
 * A header over two rows, as statistics sheets have it: 2026年 merged over two columns above
 * 完成 | 目标. Each cell of the lower row names its column within the cell above it, or within the
 * nearest one to its left where the upper cell is empty (a merged cell read as CSV). Null when
 * the lower row is not such a row: empty, or holding a number.
 */
const twoRowHeader = (upper: readonly unknown[], lower: readonly unknown[]): string[] | null => {
  if (!lower.some((cell) => cellText(cell) !== '') || lower.some((cell) => typeof cell === 'number' || /^[-+]?\d/.test(cellText(cell)))) return null
  let carried = ''
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, at) => {
    const above = cellText(upper[at])
    if (above !== '') carried = above
    const below = cellText(lower[at])
    // Empty, the same cell merged over both rows (a sheet gives its value in each), or the
    // units row's own name (计量单位 under 指标名称).
    if (below === '' || below === above || /^(?:计量)?单位$/.test(below)) return above
    const parent = above || carried
    // A row of units under the header (本年 over 万元) says each column's unit.
    const unitOnly = UNIT_CELL.exec(below)?.[1]
    if (unitOnly) return `${parent.replace(BRACKETED_UNIT, '')}（${unitOnly}）`
    const unit = BRACKETED_UNIT.exec(parent)?.[1] ?? BRACKETED_UNIT.exec(below)?.[1]
    return `${parent.replace(BRACKETED_UNIT, '')}${below.replace(BRACKETED_UNIT, '')}${unit ? `（${unit}）` : ''}`
  })
}

/**
 * The header among the first rows: the first whose cells (or whose cells with the row under
 * them, for a header over two rows) name acceptable columns; `at` is the header's last row.
 * None: the first row's problems.
 */
export const findHeader = (kind: HeaderKind, rows: ReadonlyArray<readonly unknown[]>): TableHeader | { problems: RowProblem[] } => {
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
  return { problems: first ?? kind.checkHeader([]) }
}
