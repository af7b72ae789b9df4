/**
 * Figures of a summary: GET …/indicators lists them (?format=xlsx: as the 主要指标完成情况表
 * workbook), GET …/indicators/template.csv gives a file
 * to fill in, PUT …/indicators sets values from JSON, CSV or XLSX — all rows valid or nothing
 * applied. Admins set any key; editors only their department's keys. The admin also defines
 * figures the template lacked (POST …/indicators), changes what one is called, its unit, owner
 * or decimals (PATCH …/indicators/:key) and removes one no section uses (DELETE). The office
 * or a leader marks figures checked against the statistics (POST …/indicators/verify, 核实).
 */
import { Hono } from 'hono'
import { getIndicators, readIndicators } from '../../shared/doc/indicators.js'
import { figureUsage } from '../../shared/figureUsage.js'
import { listFirst } from '../../shared/listFirst.js'
import { defaultPrecision } from '../../shared/indicators/format.js'
import type { IndicatorData } from '../../shared/indicators/types.js'
import { indicatorCreateSchema, indicatorPatchSchema, indicatorVerifySchema } from '../../shared/schema/api.js'
import { carryVerification, isVerified } from '../../shared/figureVerification.js'
import { ratioProblems } from '../../shared/schema/template.js'
import { validateFigureRows } from '../../shared/schema/figures.js'
import { csvFile, describeRowProblems } from '../../shared/schema/tableRows.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'
import { requireRole, requireUser } from '../auth/session.js'
import type { Rooms } from '../collab/rooms.js'
import { describeFigureChanges, FIGURES_NAMED, plannedChanges } from '../indicators/figureChanges.js'
import { readUpload } from '../indicators/readUpload.js'
import { figureSheetName, writeFigureSheet } from '../export/figureSheet.js'
import { departmentNames } from './describeSections.js'
import type { Store } from '../store/index.js'
import { requireSummary } from './requireSummary.js'
import { parseInput } from '../validate.js'
import { recordChange } from './journal.js'
import { requireDepartment } from './requireDepartment.js'
import { listFormat, sheetAnswer } from './sheetAnswer.js'

const FIELD_LABELS = { label: '名称', unit: '单位', departmentId: '部门', precision: '小数位', approx: '约数' } as const

export const indicatorRoutes = (store: Store, rooms: Rooms) => {
  const app = new Hono<AppEnv>()
  app.use('*', requireUser(store))

  const summaryOf = async (id: string) => (await requireSummary(store, id)).id

  // ?format=xlsx: the 主要指标完成情况表, numbers as numbers, to hand on or fill in and upload again.
  app.get('/:id/indicators', async (c) => {
    const format = listFormat(c.req.query('format'))
    const names = await departmentNames(store)
    const departmentName = (id: string) => names.get(id) ?? ''
    const summaryId = await summaryOf(c.req.param('id'))
    if (format === 'xlsx') {
      const { body, fileName } = await rooms.withRoom(summaryId, async (room) => ({ body: await writeFigureSheet(room.doc, departmentName), fileName: figureSheetName(room.doc) }))
      return sheetAnswer(c, body, fileName)
    }
    return rooms.withRoom(summaryId, (room) => {
      const figures = readIndicators(room.doc)
      return c.json(Object.entries(figures).map(([key, figure]) => ({ key, ...figure, departmentName: departmentName(figure.departmentId) })))
    })
  })

  app.get('/:id/indicators/template.csv', async (c) =>
    rooms.withRoom(await summaryOf(c.req.param('id')), (room) => {
      const rows = Object.entries(readIndicators(room.doc)).map(([key, figure]) => [key, figure.label, figure.unit, figure.value, figure.previous, figure.target])
      const body = csvFile([['key', 'label', 'unit', 'value', 'previous', 'target'], ...rows])
      return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': "attachment; filename*=UTF-8''%E6%8C%87%E6%A0%87%E6%95%B0%E6%8D%AE.csv" })
    }),
  )

  app.put('/:id/indicators', async (c) => {
    const { id: summaryId, year } = await requireSummary(store, c.req.param('id'))
    const user = c.get('user')
    if (user.role !== 'admin' && user.role !== 'editor') throw new AppError(403, 'forbidden', '只有管理员和各部门撰写人可以修改指标数据')
    const upload = await readUpload(c, year)
    return rooms.withRoom(summaryId, async (room) => {
      const figures = readIndicators(room.doc)
      const { rows, problems, conversions } = validateFigureRows(upload.rows, figures)
      if (problems.length > 0) {
        const onlyUnknown = problems.every((problem) => problem.message.startsWith('未知的指标'))
        throw new AppError(400, onlyUnknown ? 'unknown-indicator' : 'invalid-figures', `指标数据有误，未做任何修改：${describeRowProblems(problems)}`, problems)
      }
      if (user.role === 'editor') {
        const foreign = rows.filter((row) => figures[row.key]!.departmentId !== user.departmentId)
        if (foreign.length > 0)
          throw new AppError(403, 'forbidden-indicator', `只能修改本部门的指标，以下指标属于其他部门：${foreign.map((row) => figures[row.key]!.label).join('、')}`, foreign.map((row) => ({ row: row.row, column: 'key', key: row.key, message: '属于其他部门' })))
      }
      const source = upload.fileName ? `${user.displayName}上传 ${upload.fileName}` : `${user.displayName}录入`
      const scaledFrom = new Map(conversions.map((conversion) => [conversion.key, conversion.from]))
      const now = Date.now()
      const stored = Object.fromEntries(getIndicators(room.doc).entries())
      const planned = rows.map((row) => {
        const current = stored[row.key]!
        // A rate's value and last year's are computed from its two figures: only its target is taken.
        const next = carryVerification(current, {
          ...current,
          value: current.ratio ? null : row.value,
          previous: current.ratio ? null : row.previous === undefined ? current.previous : row.previous,
          target: row.target === undefined ? current.target : row.target,
          updatedAt: now,
          // Where a number was converted, the figure's hover says from what, for whoever checks it (核实).
          source: scaledFrom.has(row.key) ? `${source}（由${scaledFrom.get(row.key)}换算）` : source,
        })
        return { key: row.key, current, next }
      })
      const converted = conversions.map(({ key, from, to }) => ({ key, label: figures[key]!.label, from, to }))
      // Named only when there are any: what was converted is what the uploader should look at.
      const conversionsNamed = converted.length > 0 ? { converted } : {}
      // ?dryRun=1: what the file would change, figure by figure, and nothing changed (the panel's 预览).
      if (c.req.query('dryRun') === '1') return c.json({ dryRun: true, updated: rows.length, changes: plannedChanges(planned), ...conversionsNamed })
      let unchecked = 0
      room.transactServer((doc) => {
        const map = getIndicators(doc)
        for (const { key, current, next } of planned) {
          if (isVerified(current) && !isVerified(next)) unchecked += 1
          map.set(key, next)
        }
      }, user.id)
      const typed = rows.filter((row) => !figures[row.key]!.ratio)
      const recheck = unchecked > 0 ? `；其中 ${unchecked} 项原已核实，需重新核实` : ''
      const scaled = converted.length > 0 ? `；按单位换算：${converted.map((item) => `${item.label}（${item.from}→${item.to}）`).join('、')}` : ''
      if (typed.length > 0) await recordChange(store, user, summaryId, 'figures', describeFigureChanges(typed, figures, source) + recheck + scaled)
      return c.json({ updated: rows.length, ...conversionsNamed })
    })
  })

  const figureOf = (figures: Record<string, IndicatorData>, key: string): IndicatorData => {
    const figure = figures[key]
    if (!figure) throw new AppError(404, 'unknown-indicator', `指标“${key}”不存在`)
    return figure
  }

  app.post('/:id/indicators', requireRole('admin'), async (c) => {
    const summaryId = await summaryOf(c.req.param('id'))
    const { key, precision, approx, ratio, ...fields } = parseInput(indicatorCreateSchema, await c.req.json().catch(() => null))
    await requireDepartment(store, fields.departmentId)
    return rooms.withRoom(summaryId, async (room) => {
      const figures = readIndicators(room.doc)
      if (figures[key]) throw new AppError(409, 'indicator-exists', `指标键“${key}”已存在`)
      const problems = ratio ? ratioProblems(key, fields.unit, ratio, (used) => figures[used] && { name: figures[used].label, isRatio: figures[used].ratio !== undefined }) : []
      if (problems.length > 0) throw new AppError(400, 'invalid-input', `输入有误：${problems.map((problem) => problem.message).join('；')}`, problems)
      const figure: IndicatorData = { ...fields, precision: precision ?? defaultPrecision(fields.unit), approx: approx ?? false, value: null, previous: null, target: null, updatedAt: null, source: null, ...(ratio ? { ratio } : {}) }
      room.transactServer((doc) => getIndicators(doc).set(key, figure), c.get('user').id)
      await recordChange(store, c.get('user'), summaryId, 'figure-definition', `新增指标“${figure.label}”（${key}，${figure.unit}${ratio ? `，由“${figures[ratio.part]!.label}”÷“${figures[ratio.whole]!.label}”计算` : ''}）`)
      return c.json({ key, ...figure }, 201)
    })
  })

  app.patch('/:id/indicators/:key', requireRole('admin'), async (c) => {
    const summaryId = await summaryOf(c.req.param('id'))
    const change = parseInput(indicatorPatchSchema, await c.req.json().catch(() => null))
    await requireDepartment(store, change.departmentId)
    const key = c.req.param('key')
    return rooms.withRoom(summaryId, async (room) => {
      figureOf(readIndicators(room.doc), key)
      const before = getIndicators(room.doc).get(key)!
      if (before.ratio && change.unit !== undefined && change.unit !== '%') throw new AppError(400, 'invalid-input', '输入有误：计算得出的比率，单位应为 %', [{ path: 'unit', message: '计算得出的比率，单位应为 %' }])
      const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined))
      const figure = carryVerification(before, { ...before, ...defined })
      room.transactServer((doc) => getIndicators(doc).set(key, figure), c.get('user').id)
      const changed = (['label', 'unit', 'departmentId', 'precision', 'approx'] as const).filter((field) => before[field] !== figure[field]).map((field) => FIELD_LABELS[field])
      await recordChange(store, c.get('user'), summaryId, 'figure-definition', `修改指标“${figure.label}”（${key}）：${changed.join('、') || '无变化'}`)
      return c.json({ key, ...figure })
    })
  })

  // 核实: checked against the statistics by the office or a leader; only a figure filled in, and
  // never a rate (computed from two figures, which are what is checked).
  app.post('/:id/indicators/verify', async (c) => {
    const summaryId = await summaryOf(c.req.param('id'))
    const user = c.get('user')
    if (user.role !== 'admin' && user.role !== 'leader') throw new AppError(403, 'forbidden', '只有办公室（管理员）和领导可以核实指标')
    const { keys, verified } = parseInput(indicatorVerifySchema, await c.req.json().catch(() => null))
    return rooms.withRoom(summaryId, async (room) => {
      const stored = Object.fromEntries(getIndicators(room.doc).entries())
      const unknown = keys.filter((key) => !stored[key])
      if (unknown.length > 0) throw new AppError(404, 'unknown-indicator', `指标不存在：${unknown.join('、')}`, unknown.map((key) => ({ key, message: '指标不存在' })))
      const refused = keys.flatMap((key) => {
        const figure = stored[key]!
        if (figure.ratio) return [{ key, message: `“${figure.label}”由两项指标计算，核实其所用的指标即可` }]
        if (verified && figure.value === null) return [{ key, message: `“${figure.label}”尚未填报，不能核实` }]
        return []
      })
      if (refused.length > 0) throw new AppError(400, 'invalid-input', `不能核实：${refused.map((problem) => problem.message).join('；')}`, refused)
      const now = Date.now()
      room.transactServer((doc) => {
        const map = getIndicators(doc)
        for (const key of keys) map.set(key, { ...stored[key]!, verifiedBy: verified ? user.displayName : null, verifiedAt: verified ? now : null })
      }, user.id)
      const labels = keys.map((key) => stored[key]!.label)
      await recordChange(store, user, summaryId, 'figures', `${verified ? '核实指标' : '撤销核实'}：${listFirst(labels, FIGURES_NAMED, '项')}`)
      return c.json({ keys, verified, verifiedBy: verified ? user.displayName : null, verifiedAt: verified ? now : null })
    })
  })

  // A figure some section shows cannot go: its node would print nothing. Remove it from the text first.
  app.delete('/:id/indicators/:key', requireRole('admin'), async (c) => {
    const summaryId = await summaryOf(c.req.param('id'))
    const key = c.req.param('key')
    return rooms.withRoom(summaryId, async (room) => {
      const figures = readIndicators(room.doc)
      const figure = figureOf(figures, key)
      const rates = Object.values(figures).filter((other) => other.ratio?.part === key || other.ratio?.whole === key)
      if (rates.length > 0) throw new AppError(409, 'indicator-in-use', `“${figure.label}”用于计算${rates.map((rate) => `“${rate.label}”`).join('、')}，请先删除该比率`)
      const shownIn = figureUsage(room.doc).get(key) ?? []
      if (shownIn.length > 0)
        throw new AppError(409, 'indicator-in-use', `“${figure.label}”仍在以下章节中使用，请先从正文中删去：${shownIn.join('、')}`, shownIn.map((section) => ({ section })))
      room.transactServer((doc) => getIndicators(doc).delete(key), c.get('user').id)
      await recordChange(store, c.get('user'), summaryId, 'figure-definition', `删除指标“${figure.label}”（${key}）`)
      return c.body(null, 204)
    })
  })

  return app
}
