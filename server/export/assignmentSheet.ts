/**
 * 任务分工表: the table an office sends out with its notice asking for the summary — which
 * department writes which section (and who in it, when named), what to cover, how long, which
 * figures it reports, by when —
 * as an .xlsx workbook the office can edit and print. Read from the summary as it stands, so it
 * also shows each section's status.
 */
import type * as Y from 'yjs'
import { formatChineseDate, parseChinaDay } from '../../shared/chinaDay.js'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { readSectionIndicatorKeys } from '../../shared/export/buildExportDocument.js'
import { numberOutline } from '../../shared/numbering.js'
import { STATUS_LABELS } from '../../shared/workflow.js'
import { fileNameOf } from './exportSummary.js'
import { writeTableSheet } from './tableSheet.js'

export const assignmentSheetName = (doc: Y.Doc): string => `${fileNameOf(readMeta(doc).title)}任务分工表.xlsx`

export const writeAssignmentSheet = (doc: Y.Doc, departmentName: (id: string) => string): Promise<Uint8Array<ArrayBuffer>> => {
  const meta = readMeta(doc)
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  const due = meta.dueDate ? formatChineseDate(parseChinaDay(meta.dueDate)!) : ''
  return writeTableSheet({
    name: '任务分工表',
    title: `${meta.title}任务分工表`,
    columns: [
      { header: '序号', width: 6, centred: true },
      { header: '章节', width: 34 },
      { header: '撰写部门', width: 14 },
      { header: '写作提示', width: 40 },
      { header: '字数要求', width: 10, centred: true },
      { header: '涉及指标', width: 30 },
      { header: '截止日期', width: 16 },
      { header: '当前状态', width: 10, centred: true },
      { header: '执笔人', width: 10, centred: true },
    ],
    rows: outline.map((entry, index) => [
      index + 1,
      entry.lead ? `导语：${entry.title}` : `${numbers[index]}${entry.title}`,
      departmentName(entry.departmentId),
      entry.hint,
      entry.wordTarget > 0 ? entry.wordTarget : '',
      [...new Set(readSectionIndicatorKeys(doc, entry.id))].map((key) => figures[key]?.label ?? key).join('、'),
      due,
      STATUS_LABELS[entry.status],
      entry.writer?.name ?? '',
    ]),
  })
}
