import { convertUnit } from './unitScale.js'

/**
 * A figure as people type it into a sheet or the 指标数据 panel: 1002, 1,002 and 1，002, ４.８ in
 * full-width digits, with its unit after it (4.8亿元), or another unit of the same kind, converted
 * (48000万元 for a figure in 亿元; `from` names it); 30余次 is 30. A percentage (98.5%: a sheet's
 * percent-formatted cell arrives so) only for a figure in %: 15% where 亿元 is meant is a slip,
 * not 15 亿元; so is any other unit.
 */
export type FigureNumber = { ok: true; value: number | null; from?: string } | { ok: false; message: string }

export const isPercentUnit = (unit: string | undefined): boolean => unit === '%' || unit === '％'

/**
 * A unit as a definition stores it: a Chinese input method types the full-width ％ (and a space
 * may slip into 万 元); every figure in % is formatted, compared and checked as a rate only when
 * its unit is the one '%', so the definitions never store another spelling.
 */
export const canonicalUnit = (unit: string): string => unit.replace(/\s+/g, '').replace(/％/g, '%')

const FULL_WIDTH = /[０-９．－＋]/g
const halfWidth = (text: string) => text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
const NUMBER_WITH_UNIT = /^([-+]?\d+(?:\.\d+)?)(\D*)$/

export const readFigureNumber = (cell: unknown, unit: string | undefined): FigureNumber => {
  if (cell === null || cell === undefined) return { ok: true, value: null }
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, message: '不是数字' }
  const text = halfWidth(String(cell).trim()).replace(/[,，\s]/g, '')
  if (text === '') return { ok: true, value: null }
  const match = NUMBER_WITH_UNIT.exec(text)
  if (!match) return { ok: false, message: '不是数字' }
  const value = Number(match[1])
  // 30余次, 20多个: the figure's own 余/多 (approx) says how it prints; the number is 30.
  const written = match[2]!.replace(/^[余多]/, '')
  if (written === '' || written === unit || (isPercentUnit(written) && isPercentUnit(unit))) return { ok: true, value }
  if (isPercentUnit(written)) return { ok: false, message: `是百分数，而该指标的单位是“${unit || '无'}”` }
  const converted = unit ? convertUnit(value, written, unit) : null
  if (converted !== null) return { ok: true, value: converted, from: written }
  return { ok: false, message: `的单位“${written}”与该指标的单位“${unit || '无'}”不同` }
}

/** A number in a sheet cell formatted as a percentage holds the fraction (0.985 shows as 98.5%): as people see it. */
export const percentCellText = (fraction: number): string => `${Number((fraction * 100).toPrecision(12))}%`
