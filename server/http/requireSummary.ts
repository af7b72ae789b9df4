/** The summary a route is about, or the 404 every summary route answers for an unknown id. */
import { AppError } from '../errors.js'
import type { SummaryRecord } from '../store/catalog.js'
import type { Store } from '../store/types.js'

export const requireSummary = async (store: Store, id: string | undefined): Promise<SummaryRecord> => {
  const record = id ? await store.catalog.getSummary(id) : undefined
  if (!record) throw new AppError(404, 'unknown-summary', '该总结不存在')
  return record
}
