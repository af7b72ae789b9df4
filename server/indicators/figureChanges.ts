/**
 * What an upload of figures changes, in words: one line for the 操作记录, and figure by figure
 * for the panel's preview (`?dryRun=1`).
 */
import { figureOutlier } from '../../shared/figureOutliers.js'
import { isVerified } from '../../shared/figureVerification.js'
import { formatAmount } from '../../shared/indicators/format.js'
import type { IndicatorData } from '../../shared/indicators/types.js'

/** How many changed: 协议资金 5.2→5.8、到位资金 待填→1.6 …（张招商上传 figures.csv）. */
export const FIGURES_NAMED = 5
export const describeFigureChanges = (rows: ReadonlyArray<{ key: string; value: number | null }>, figures: Record<string, IndicatorData>, source: string): string => {
  const shown = (value: number | null) => (value === null ? '待填' : String(value))
  const changes = rows.map((row) => `${figures[row.key]!.label} ${shown(figures[row.key]!.value)}→${shown(row.value)}`)
  return `更新 ${rows.length} 项指标：${changes.slice(0, FIGURES_NAMED).join('、')}${changes.length > FIGURES_NAMED ? ' 等' : ''}（${source}）`
}

const CHANGED_FIELDS = [
  ['value', '本年'],
  ['previous', '上年'],
  ['target', '目标'],
] as const

/** Two numbers as the figure prints them, or as they are where it would print both the same (1.6亿元 for 1.62 and 1.64). */
const shownPair = (current: IndicatorData, next: IndicatorData, field: (typeof CHANGED_FIELDS)[number][0]) => {
  const printed = (figure: IndicatorData) => formatAmount(figure, figure[field]) || '待填'
  const exact = (figure: IndicatorData) => (figure[field] === null ? '待填' : `${figure[field]}${figure.unit}`)
  return printed(current) === printed(next) ? { from: exact(current), to: exact(next) } : { from: printed(current), to: printed(next) }
}

/**
 * Each number an upload would change, as the figure prints it (待填 for none), whether the figure
 * would then look far off, and whether it loses its 核实.
 */
export const plannedChanges = (planned: ReadonlyArray<{ key: string; current: IndicatorData; next: IndicatorData }>) =>
  planned.flatMap(({ key, current, next }) =>
    // A rate's value and last year's follow its two figures; only its target is the file's.
    CHANGED_FIELDS.filter(([field]) => current[field] !== next[field] && (!current.ratio || field === 'target')).map(([field, name]) => ({
      key,
      label: next.label,
      field: name,
      ...shownPair(current, next, field),
      ...(figureOutlier(next) ? { outlier: figureOutlier(next) } : {}),
      // Checked (核实) now, not once changed: whoever checked it checks it again.
      ...(isVerified(current) && !isVerified(next) ? { unverifies: true } : {}),
    })),
  )
