/**
 * Reads figure rows from what a client sent to PUT …/indicators: JSON `{values:[…]}`, or a CSV
 * or .xlsx table (server/upload/readTable.ts).
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { checkHeader, normaliseColumn } from '../../shared/schema/figures.js'
import type { RawRow } from '../../shared/schema/tableRows.js'
import { readTable, type TableKind } from '../upload/readTable.js'
import { checkAnnouncedLength, contentType } from '../upload/uploadedFile.js'
import { parseInput } from '../validate.js'

export interface Upload {
  rows: RawRow[]
  /** The file name of an upload, or null for JSON. */
  fileName: string | null
}

/** Figures of a summary of `year`: its sheet may head columns 2026年 and 2025年 for 本年 and 上年. */
export const figuresTable = (year: number): TableKind => ({ errorCode: 'invalid-figures', normaliseColumn: (cell) => normaliseColumn(cell, year), checkHeader })

const jsonSchema = z.object({
  values: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        value: z.number().finite().nullable(),
        previous: z.number().finite().nullable().optional(),
        target: z.number().finite().nullable().optional(),
      }),
    )
    .max(1000),
})

export const readUpload = async (c: Context, year: number): Promise<Upload> => {
  checkAnnouncedLength(c)
  if (contentType(c) === 'application/json') {
    const body = parseInput(jsonSchema, await c.req.json().catch(() => null))
    return { fileName: null, rows: body.values.map((cells, index) => ({ row: index + 1, cells })) }
  }
  return readTable(c, figuresTable(year), '请以 JSON、CSV（text/csv）或 Excel（.xlsx）格式提交指标数据')
}
