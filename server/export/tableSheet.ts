/**
 * One printable table as an .xlsx workbook, the way offices hand tables round: a title over the
 * whole width in 黑体, a bold header row that stays in view, thin borders, wrapped text, A4
 * landscape fitted to the page width. The 任务分工表 and the 意见汇总表 are such tables.
 */
import ExcelJS from 'exceljs'

export interface SheetColumn {
  header: string
  width: number
  /** Short values (numbers, a status) read better centred. */
  centred?: boolean
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const FONT = { name: '宋体', size: 11 }
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'thin' }]))

export interface TableSheet {
  /** The worksheet's tab, e.g. 任务分工表 (at most 31 characters). */
  name: string
  /** The heading printed over the table. */
  title: string
  columns: readonly SheetColumn[]
  /** null: an empty cell (a number not known yet). */
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>
}

export const writeTableSheet = async ({ name, title, columns, rows }: TableSheet): Promise<Uint8Array<ArrayBuffer>> => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  sheet.columns = columns.map(({ width }) => ({ width }))

  sheet.mergeCells(1, 1, 1, columns.length)
  const heading = sheet.getCell(1, 1)
  heading.value = title
  heading.font = { name: '黑体', size: 16 }
  heading.alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.getRow(1).height = 30

  sheet.addRow(columns.map((column) => column.header)).font = { ...FONT, bold: true }
  for (const row of rows) sheet.addRow([...row]).font = FONT

  for (let row = 2; row <= sheet.rowCount; row++) {
    sheet.getRow(row).eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = BORDER
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: row === 2 || columns[column - 1]?.centred ? 'center' : 'left' }
    })
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }]
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
