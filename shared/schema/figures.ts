/**
 * Figure rows from an upload or the API, validated all-or-nothing: each problem names its row
 * and column in Chinese. Row numbers are spreadsheet rows (the header is row 1).
 */
import { readFigureNumber } from '../indicators/figureNumber.js'
import { BRACKETED_UNIT, convertUnit } from '../indicators/unitScale.js'
import { cellText, type RawRow, type RowProblem } from './tableRows.js'

export interface FigureRow {
  row: number
  key: string
  value: number | null
  /** undefined when the column is absent: the stored figure is kept. */
  previous?: number | null
  target?: number | null
}

/** A row's number stated in another unit of the same kind (万元 for a figure in 亿元), converted. */
export interface UnitConversion {
  row: number
  key: string
  from: string
  to: string
}

export const FIGURE_COLUMNS = ['key', 'value', 'previous', 'target'] as const
/**
 * What 序号, 同比, 备注… and another year's column are read as: ignored. It has a space, which no
 * header keeps (normaliseColumn drops them), so a column typed “note” is still an unknown one.
 */
export const IGNORED_COLUMN = 'for people'
/** Columns a file may carry for people; ignored on import. */
export const INFORMATIVE_COLUMNS = ['label', 'unit', IGNORED_COLUMN] as const
export const COLUMN_LABELS: Record<string, string> = { key: '指标键', value: '本年数', previous: '上年数', target: '目标数' }

/**
 * Chinese headers an office's own spreadsheet has (指标名称 | 本年 | 上年 | 目标), as the columns
 * they mean. A file may name figures by `key` or, without one, by `label` (指标名称). Columns
 * for people — 序号, 同比 and 完成率 (computed here from the figures), 备注, 责任部门 — are
 * read as IGNORED_COLUMN.
 */
const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  指标键: 'key', 键: 'key',
  指标名称: 'label', 指标: 'label', 名称: 'label', 项目: 'label', 指标项目: 'label',
  单位: 'unit', 计量单位: 'unit',
  本年: 'value', 本年数: 'value', 本年数值: 'value', 数值: 'value', 完成数: 'value', 本年完成: 'value', 本年实际: 'value', 全年完成: 'value', 实际完成: 'value',
  上年: 'previous', 上年数: 'previous', 上年同期: 'previous', 去年: 'previous', 去年同期: 'previous', 上年完成: 'previous',
  目标: 'target', 目标数: 'target', 年度目标: 'target', 计划: 'target', 目标任务: 'target', 年度计划: 'target', 计划数: 'target', 本年目标: 'target', 本年计划: 'target', 全年目标: 'target', 全年计划: 'target',
  ...Object.fromEntries(
    ['序号', '编号', '备注', '说明', '同比', '同比增长', '同比增减', '同比增幅', '增长', '增幅', '增速', '增长率', '增减', '增减率', '完成率', '完成比例', '完成进度', '部门', '责任部门', '填报部门', '责任单位', '牵头单位', '核实', '核实情况', '核实人'].map((name) => [name, IGNORED_COLUMN]),
  ),
}

/** 2026年, 2026年度, 2026年完成 (this year or last); 2026年目标, 2026年计划 (this year's target). */
const YEAR_COLUMN = /^(\d{4})年?度?(完成|完成数|实际|实际完成|数|数值)?$/
const YEAR_TARGET_COLUMN = /^(\d{4})年?度?(目标|目标数|计划|计划数|目标任务)$/

const yearColumn = (name: string, year: number): string | null => {
  const target = YEAR_TARGET_COLUMN.exec(name)
  if (target) return Number(target[1]) === year ? 'target' : IGNORED_COLUMN
  const done = YEAR_COLUMN.exec(name)
  if (!done) return null
  const named = Number(done[1])
  // Another year's column (a sheet of three years) is read like 序号: for people.
  return named === year ? 'value' : named === year - 1 ? 'previous' : IGNORED_COLUMN
}

/**
 * A header cell as the column it names: trimmed, lower case, a unit in brackets after it dropped
 * (本年（万元）, 增长(%)), Chinese names mapped; with the summary's year, 2026年 and 2025年 are
 * this year's and last year's figures.
 */
export const normaliseColumn = (cell: unknown, year?: number): string => {
  const name = cellText(cell).toLowerCase().replace(/\s+/g, '')
  const bare = name.replace(/[（(][^（）()]*[）)]$/, '') || name
  return COLUMN_ALIASES[bare] ?? (year === undefined ? null : yearColumn(bare, year)) ?? name
}

/** Checks the header of a CSV/XLSX upload; returns problems for missing or unknown columns. */
export const checkHeader = (columns: readonly string[]): RowProblem[] => {
  const problems: RowProblem[] = []
  if (!columns.includes('key') && !columns.includes('label')) problems.push({ row: 1, column: 'key', message: '缺少“key”列（指标键）或“指标名称”列' })
  if (!columns.includes('value')) problems.push({ row: 1, column: 'value', message: `缺少“value”列（${COLUMN_LABELS.value}，也可写作“本年”）` })
  for (const column of FIGURE_COLUMNS) {
    if (columns.filter((name) => name === column).length > 1) problems.push({ row: 1, column, message: `有两列都表示${COLUMN_LABELS[column]}，请删去一列` })
  }
  for (const column of columns) {
    if (column === '') continue
    if (![...FIGURE_COLUMNS, ...INFORMATIVE_COLUMNS].includes(column as never))
      problems.push({ row: 1, column, message: `不认识的列“${column}”，可用的列：key（或指标名称）,value（本年）,previous（上年）,target（目标）；序号、同比、备注等列会被忽略` })
  }
  return problems
}

/** What a row is checked against: a figure's name (for rows without a key) and unit (whether 98.5% may be its value). */
type FigureLabel = { label: string; unit?: string }

/** A number or “其中” before a name in a statistics sheet: 1. 1、 （一） (2) 一、 其中： */
const LABEL_LEAD = /^(?:\(?（?[0-9一二三四五六七八九十]+[)）.、．]\s*)?(?:其中[:：]?\s*)?/

/** A sheet's name of a figure as the figure's own label, and the unit in brackets after it if any. */
const readLabel = (text: string): { label: string; unit?: string } => {
  const bare = text.replace(/\s+/g, '').replace(LABEL_LEAD, '')
  const unit = BRACKETED_UNIT.exec(bare)?.[1]
  return unit ? { label: bare.replace(BRACKETED_UNIT, ''), unit } : { label: bare }
}

/**
 * A row's figure: by its key, or without one by its label (指标名称), which must name exactly one;
 * a sheet's numbering, 其中： and a unit in brackets around the name are not part of it (the
 * unit is the row's, `unit`).
 */
const keyOfRow = (cells: Record<string, unknown>, figures: Readonly<Record<string, FigureLabel>>): { key: string; unit?: string } | { problem: string; column: string; key?: string } => {
  const key = cellText(cells.key)
  if (key !== '') return figures[key] ? { key } : { problem: `未知的指标键“${key}”`, column: 'key', key }
  const written = cellText(cells.label)
  if (written === '') return { problem: '指标键不能为空', column: 'key' }
  const exact = Object.entries(figures).filter(([, figure]) => figure.label === written)
  const { label, unit } = readLabel(written)
  const matches = exact.length > 0 ? exact : Object.entries(figures).filter(([, figure]) => readLabel(figure.label).label === label)
  if (matches.length !== 1) return matches.length === 0 ? { problem: `未知的指标名称“${written}”`, column: 'label' } : { problem: `指标名称“${written}”对应多个指标，请用 key 列区分`, column: 'label' }
  const [found, figure] = matches[0]!
  // 协议资金（万元） states a unit; 协议资金（含续建） only a note.
  const statesUnit = unit !== undefined && exact.length === 0 && figure.unit !== undefined && (unit === figure.unit || convertUnit(1, unit, figure.unit) !== null)
  return statesUnit ? { key: found, unit } : { key: found }
}

/** Validates raw rows against the summary's figures (by key, or by label when a row has no key). */
export const validateFigureRows = (
  rows: readonly RawRow[],
  figures: Readonly<Record<string, FigureLabel>>,
): { rows: FigureRow[]; problems: RowProblem[]; conversions: UnitConversion[] } => {
  const problems: RowProblem[] = []
  const conversions: UnitConversion[] = []
  const seen = new Map<string, number>()
  const valid: FigureRow[] = []
  for (const { row, cells, units } of rows) {
    const found = keyOfRow(cells, figures)
    if ('problem' in found) {
      problems.push({ row, column: found.column, ...(found.key ? { key: found.key } : {}), message: found.problem })
      continue
    }
    const { key, unit: labelUnit } = found
    if (seen.has(key)) problems.push({ row, column: 'key', key, message: `指标键“${key}”与第 ${seen.get(key)} 行重复` })
    seen.set(key, row)
    const figure: FigureRow = { row, key, value: null }
    for (const column of ['value', 'previous', 'target'] as const) {
      if (column !== 'value' && !(column in cells)) continue
      const unit = figures[key]!.unit
      const parsed = readFigureNumber(cells[column], unit)
      if (!parsed.ok) {
        problems.push({ row, column, key, message: `${COLUMN_LABELS[column]}“${String(cells[column])}”${parsed.message}` })
        continue
      }
      // A unit written with the number (48000万元) is converted already; else the row's 单位, its
      // name's (协议资金（万元）), its column's or the sheet's: 48000 in 万元 is 4.8 for a figure in 亿元.
      const stated = cellText(cells.unit) || labelUnit || units?.[column]
      const scaled = parsed.from === undefined && parsed.value !== null && stated && unit ? convertUnit(parsed.value, stated, unit) : null
      figure[column] = scaled ?? parsed.value
      const from = parsed.from ?? (scaled !== null ? stated : undefined)
      if (from && !conversions.some((conversion) => conversion.key === key)) conversions.push({ row, key, from, to: unit! })
    }
    valid.push(figure)
  }
  if (rows.length === 0) problems.push({ row: 1, column: 'key', message: '没有任何数据行' })
  return problems.length > 0 ? { rows: [], problems, conversions: [] } : { rows: valid, problems, conversions }
}
