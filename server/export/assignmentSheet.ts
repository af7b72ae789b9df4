/**
 * 任务分工表: the table an office sends out with its notice asking for the summary — which
 * department writes which section, what to cover, how long, which figures it reports, by when —
 * as an .xlsx workbook the office can edit and print. Read from the summary as it stands, so it
 * also shows each section's status.
 */
import ExcelJS from 'exceljs'
import type * as Y from 'yjs'
import { formatChineseDate, parseChinaDay } from '../../shared/chinaDay.js'
import { readIndicators } from '../../shared/doc/indicators.js'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { readSectionIndicatorKeys } from '../../shared/export/buildExportDocument.js'
import { numberOutline } from '../../shared/numbering.js'
import { STATUS_LABELS } from '../../shared/workflow.js'
import { fileNameOf } from './exportSummary.js'

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '章节', width: 34 },
  { header: '撰写部门', width: 14 },
  { header: '写作提示', width: 40 },
  { header: '字数要求', width: 10 },
  { header: '涉及指标', width: 30 },
  { header: '截止日期', width: 16 },
  { header: '当前状态', width: 10 },
] as const

const FONT = { name: '宋体', size: 11 }
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'thin' }]))

export const assignmentSheetName = (doc: Y.Doc): string => `${fileNameOf(readMeta(doc).title)}任务分工表.xlsx`

export const writeAssignmentSheet = async (doc: Y.Doc, departmentName: (id: string) => string): Promise<Uint8Array<ArrayBuffer>> => {
  const meta = readMeta(doc)
  const outline = readOutline(doc)
  const numbers = numberOutline(outline)
  const figures = readIndicators(doc)
  const due = meta.dueDate ? formatChineseDate(parseChinaDay(meta.dueDate)!) : ''

  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('任务分工表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  sheet.columns = COLUMNS.map(({ width }) => ({ width }))

  sheet.mergeCells(1, 1, 1, COLUMNS.length)
  const title = sheet.getCell(1, 1)
  title.value = `${meta.title}任务分工表`
  title.font = { name: '黑体', size: 16 }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.getRow(1).height = 30

  const header = sheet.addRow(COLUMNS.map((column) => column.header))
  header.font = { ...FONT, bold: true }

  outline.forEach((entry, index) => {
    const keys = [...new Set(readSectionIndicatorKeys(doc, entry.id))]
    sheet.addRow([
      index + 1,
      entry.lead ? `导语：${entry.title}` : `${numbers[index]}${entry.title}`,
      departmentName(entry.departmentId),
      entry.hint,
      entry.wordTarget > 0 ? entry.wordTarget : '',
      keys.map((key) => figures[key]?.label ?? key).join('、'),
      due,
      STATUS_LABELS[entry.status],
    ]).font = FONT
  })

  for (let row = 2; row <= sheet.rowCount; row++) {
    sheet.getRow(row).eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: column === 1 || column === 5 || column === 8 || row === 2 ? 'center' : 'left' }
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
