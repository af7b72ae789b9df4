/**
 * Lists that also come as a workbook (评论, 指标, 安全审计): `?format=` is json (the default) or
 * xlsx, anything else a 400; a workbook is answered as a download.
 */
import type { Context } from 'hono'
import { AppError } from '../errors.js'
import { attachmentHeader } from '../export/exportSummary.js'
import { XLSX_TYPE } from '../export/tableSheet.js'

export const listFormat = (format: string | undefined): 'json' | 'xlsx' => {
  if (format === undefined || format === 'json') return 'json'
  if (format === 'xlsx') return 'xlsx'
  throw new AppError(400, 'unknown-format', `不支持的格式“${format}”，可选：json、xlsx`)
}

export const sheetAnswer = (c: Context, body: Uint8Array<ArrayBuffer>, fileName: string): Response =>
  c.body(body, 200, { 'content-type': XLSX_TYPE, 'content-disposition': attachmentHeader(fileName) })
