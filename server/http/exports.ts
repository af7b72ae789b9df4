/**
 * GET …/preflight, GET …/export?format=txt|md|html|docx[&date=YYYY-MM-DD][&appendix=1]
 * [&comments=1|all][&changesSince=<versionId>][&letterhead=1][&department=<id>|all] and
 * GET …/assignments (任务分工表, .xlsx) for a summary.
 */
import { Hono } from 'hono'
import * as Y from 'yjs'
import { readMeta, readOutline } from '../../shared/doc/outline.js'
import { checkSummary } from '../../shared/preflight.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import { assignmentSheetName, writeAssignmentSheet } from '../export/assignmentSheet.js'
import type { ExportPool } from '../export/exportPool.js'
import { withPart } from '../export/exportJob.js'
import { ALL_PARTS } from '../../shared/export/model.js'
import { allPartsOf, dispositionOf, exportChoicesOf, isExportFormat, partOf, redactOf, unknownFormatMessage, versionToCompare } from '../export/exportSummary.js'
import type { Store } from '../store/index.js'
import { copyOfSummary } from '../summary/docFromState.js'
import { departmentNames } from './describeSections.js'
import { requireSummary } from './requireSummary.js'
import { sheetAnswer } from './sheetAnswer.js'

export const exportRoutes = (store: Store, rooms: Rooms, exports: ExportPool) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  const summaryOf = async (id: string) => (await requireSummary(store, id)).id
  /** The summary a summary continues, as it is now; none when it is gone or cannot be read. */
  const earlierCopy = async (id: string): Promise<Y.Doc | undefined> => {
    if (!(await store.catalog.getSummary(id))) return undefined
    return copyOfSummary(rooms, id).catch((error: unknown) => {
      console.error(`[preflight] the earlier summary ${id} could not be read`, error)
      return undefined
    })
  }

  // A summary continued from an earlier one is also read against it (sentences copied as they were).
  // The export dialog asks for the preflight first: a worker gets ready for the export meanwhile.
  app.get('/:id/preflight', async (c) =>
    rooms.withRoom(await summaryOf(c.req.param('id')), async (room) => {
      exports.warm()
      const { basedOn } = readMeta(room.doc)
      const earlier = basedOn ? await earlierCopy(basedOn) : undefined
      try {
        return c.json(checkSummary(room.doc, earlier))
      } finally {
        earlier?.destroy()
      }
    }),
  )

  app.get('/:id/export', async (c) => {
    const format = c.req.query('format')
    if (!isExportFormat(format)) throw new AppError(400, 'unknown-format', unknownFormatMessage(format))
    const choices = exportChoicesOf((name) => c.req.query(name), format, new Date())
    const redact = redactOf(c.req.query('redact'), choices.comments)
    const summaryId = await summaryOf(c.req.param('id'))
    const since = await versionToCompare(store, summaryId, c.req.query('changesSince'), format, choices.comments)
    // The state now (withRoom answers once all of it is committed); the file is written in a worker.
    const { state, outline, title } = await rooms.withRoom(summaryId, (room) => ({ state: Y.encodeStateAsUpdate(room.doc), outline: readOutline(room.doc), title: readMeta(room.doc).title }))
    const department = c.req.query('department')
    const job = { state, format, options: { ...choices, redact }, ...(since ? { since } : {}) }
    const file = await exports.run(
      department === ALL_PARTS
        ? { ...job, allParts: { parts: await allPartsOf(store, outline, choices.letterhead, since), title } }
        : withPart(job, await partOf(store, outline, department, choices.letterhead, since)),
    )
    return c.body(file.body, 200, { 'content-type': file.contentType, 'content-disposition': dispositionOf(c.req.query('inline'), file.fileName) })
  })

  app.get('/:id/assignments', async (c) => {
    const names = await departmentNames(store)
    const doc = await copyOfSummary(rooms, await summaryOf(c.req.param('id')))
    try {
      const body = await writeAssignmentSheet(doc, (id) => names.get(id) ?? '未分配部门')
      return sheetAnswer(c, body, assignmentSheetName(doc))
    } finally {
      doc.destroy()
    }
  })

  return app
}
