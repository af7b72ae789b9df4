/** The summary a route is about, or the 404 every summary route answers for an unknown id. */
import { AppError } from '../errors.js'
import type { SummaryRecord } from '../store/catalog.js'
import type { Store } from '../store/types.js'

export const requireSummary = async (store: Store, id: string | undefined): Promise<SummaryRecord> => {
  const record = id ? await store.catalog.getSummary(id) : undefined
  if (record) return record
  if (id && (await store.catalog.getDeletedSummary(id))) throw new AppError(404, 'summary-deleted', '该总结已被管理员移入回收站')
  throw new AppError(404, 'unknown-summary', '该总结不存在')
}

/** A summary in the 回收站 (to restore or purge), or 404. */
export const requireDeletedSummary = async (store: Store, id: string | undefined): Promise<SummaryRecord> => {
  const record = id ? await store.catalog.getDeletedSummary(id) : undefined
  if (record) return record
  if (id && (await store.catalog.getSummary(id))) throw new AppError(409, 'not-deleted', '该总结不在回收站中，请先删除（移入回收站）')
  throw new AppError(404, 'unknown-summary', '该总结不存在')
}
