/**
 * 主要指标完成情况表: every figure of a summary as an .xlsx workbook, for the statistics office
 * or a leader's briefing — name, unit, department, last year, this year, 同比, target, 完成率 —
 * numbers as numbers (a figure not known yet is an empty cell, never 0), and who checked each
 * (核实) and when. Its header is one the
 * figures import reads back (2025年, 2026年, 2026年目标, 指标键), so the sheet, filled in, can be
 * uploaded again.
 */
import type * as Y from 'yjs'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readMeta } from '../../shared/doc/outline.js'
import { indicatorTableRow } from '../../shared/indicators/format.js'
import { fileNameOf } from './exportSummary.js'
import { writeTableSheet } from './tableSheet.js'
import { chinaIsoDay, formatMonthDay } from '../../shared/chinaDay.js'
import { isVerified } from '../../shared/figureVerification.js'
import type { IndicatorData } from '../../shared/indicators/types.js'

export const figureSheetName = (doc: Y.Doc): string => `${fileNameOf(readMeta(doc).title)}主要指标.xlsx`

/** 王主任 12月1日; empty for a figure not checked (a rate: 随所用指标). */
const verification = (figure: IndicatorData): string => {
  if (figure.ratio) return '随所用指标'
  if (!isVerified(figure)) return ''
  return `${figure.verifiedBy} ${formatMonthDay(chinaIsoDay(new Date(figure.verifiedAt!)))}`
}

export const writeFigureSheet = (doc: Y.Doc, departmentName: (id: string) => string): Promise<Uint8Array<ArrayBuffer>> => {
  const meta = readMeta(doc)
  const { year } = meta
  return writeTableSheet({
    name: '主要指标',
    title: `${meta.organisation}${year}年主要指标完成情况表`,
    columns: [
      { header: '序号', width: 6, centred: true },
      { header: '指标名称', width: 26 },
      { header: '单位', width: 8, centred: true },
      { header: '责任部门', width: 14 },
      { header: `${year - 1}年`, width: 12, centred: true },
      { header: `${year}年`, width: 12, centred: true },
      { header: '同比', width: 16, centred: true },
      { header: `${year}年目标`, width: 12, centred: true },
      { header: '完成率', width: 10, centred: true },
      { header: '核实', width: 18 },
      { header: '指标键', width: 20 },
    ],
    rows: Object.entries(readIndicators(doc)).map(([key, figure], index) => {
      const row = indicatorTableRow(key, figure)
      return [index + 1, figure.label, figure.unit, departmentName(figure.departmentId), figure.previous, figure.value, row.change, figure.target, row.completion, verification(figure), key]
    }),
  })
}
