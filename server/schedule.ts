/**
 * Background work on a timer (backups, daily versions): a first run a while after start-up, out
 * of the way of the first logins, then at a fixed interval; never keeps the process alive.
 */
export interface Schedule {
  stop: () => void
}

export const repeatEvery = (firstMs: number, everyMs: number, work: () => Promise<void>): Schedule => {
  const first = setTimeout(() => void work(), firstMs)
  const every = setInterval(() => void work(), everyMs)
  first.unref()
  every.unref()
  return {
    stop: () => {
      clearTimeout(first)
      clearInterval(every)
    },
  }
}

export const NOTHING_SCHEDULED: Schedule = { stop: () => undefined }
