/**
 * A figure as people type it into a sheet or the 指标数据 panel: 1002, 1,002 and 1，002, ４.８ in
 * full-width digits, and for a figure in % also 98.5% (a sheet's percent-formatted cell arrives
 * so). A percentage for a figure in another unit is refused: 15% where 亿元 is meant is a slip,
 * not 15 亿元.
 */
export type FigureNumber = { ok: true; value: number | null } | { ok: false; message: string }

export const isPercentUnit = (unit: string | undefined): boolean => unit === '%' || unit === '％'

const FULL_WIDTH = /[０-９．－＋]/g
const halfWidth = (text: string) => text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))

export const readFigureNumber = (cell: unknown, unit: string | undefined): FigureNumber => {
  if (cell === null || cell === undefined) return { ok: true, value: null }
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, message: '不是数字' }
  const text = halfWidth(String(cell).trim()).replace(/[,，\s]/g, '')
  if (text === '') return { ok: true, value: null }
  const percent = /^(.*?)[%％]$/.exec(text)
  const number = percent ? percent[1]! : text
  if (!/^[-+]?\d+(\.\d+)?$/.test(number)) return { ok: false, message: '不是数字' }
  if (percent && !isPercentUnit(unit)) return { ok: false, message: `是百分数，而该指标的单位是“${unit || '无'}”` }
  return { ok: true, value: Number(number) }
}

/** A number in a sheet cell formatted as a percentage holds the fraction (0.985 shows as 98.5%): as people see it. */
export const percentCellText = (fraction: number): string => `${Number((fraction * 100).toPrecision(12))}%`
