/**
 * Two Huizong processes on one throw-away PostgreSQL and Redis (the test suite's helpers), with
 * the benchmark's clients spread over both: every other client connects to the second process.
 */
import type { ChildProcess } from 'node:child_process'
import { servicesUnavailable, startPostgres, startRedis } from '../../tests/integration/services.js'
import { startHuizong, stop, type Target } from './servers.js'

export const scaledUnavailable = servicesUnavailable

export const startScaledHuizong = async (): Promise<Target & { stopAll: () => Promise<void> }> => {
  const postgres = await startPostgres()
  const redis = await startRedis()
  const env = { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url }
  const first = await startHuizong(undefined, env)
  const second = await startHuizong(undefined, env)
  let next = 0
  const children: ChildProcess[] = [first.child, second.child]
  return {
    ...first,
    name: 'Huizong ×2 (PostgreSQL + Redis)',
    url: (room) => (next++ % 2 === 0 ? first : second).url(room),
    stopAll: async () => {
      await Promise.all(children.map(stop))
      redis.stop()
      postgres.stop()
    },
  }
}
