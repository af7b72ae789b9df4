/**
 * Starts Huizong: store, first-run set-up, HTTP + websocket server. Returns a handle so tests
 * can run the real server in-process on port 0.
 */
import { serve } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Hono } from 'hono'
import { createApp } from './app.js'
import { createBus } from './collab/bus.js'
import { startHeartbeat } from './collab/heartbeat.js'
import { UserSockets } from './collab/userSockets.js'
import { linkProcesses } from './collab/linkProcesses.js'
import { reaching } from './startupError.js'
import { resolveUser } from './auth/session.js'
import { createRooms } from './collab/rooms.js'
import { ExportPool } from './export/exportPool.js'
import type { Config } from './config.js'
import type { AppEnv } from './context.js'
import { initialise } from './demo/initialise.js'
import { scheduleBackups } from './store/backupSchedule.js'
import { createStore } from './store/createStore.js'
import { scheduleDailyVersions } from './summary/dailyVersions.js'

export interface RunningServer {
  url: string
  port: number
  /** Every route the app answers, as Hono lists them (middleware left out). */
  routes: ReadonlyArray<{ method: string; path: string }>
  close: () => Promise<void>
}

export const startServer = async (config: Config, log: (line: string) => void = console.log): Promise<RunningServer> => {
  const { databaseUrl, redisUrl } = config
  const store = databaseUrl ? await reaching('PostgreSQL', 'DATABASE_URL', databaseUrl, () => createStore(config)) : await createStore(config)
  const bus = redisUrl ? await reaching('Redis', 'REDIS_URL', redisUrl, () => createBus(redisUrl)) : null
  await initialise(store, config, log)
  const rooms = createRooms(store, { compactEvery: config.compactEvery, compactBytes: config.compactBytes, maxBatchBytes: 4 * 1024 * 1024, unloadDelayMs: config.unloadDelayMs, catchUpMs: config.catchUpMs, bus })
  // The app is created first so the websocket helper can route upgrades through it.
  const holder: { app?: Hono<AppEnv> } = {}
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app: { request: (...args: Parameters<Hono['request']>) => holder.app!.request(...args) } as Hono })
  // ws enforces a hard cap; between maxMessageBytes and the cap the connection closes with 4400.
  ;(wss.options as { maxPayload: number }).maxPayload = config.maxMessageBytes * 2
  const heartbeat = startHeartbeat(wss, config.heartbeatMs)
  const backups = store.backups ? scheduleBackups(store.backups, config.backupIntervalHours, log) : null
  const dailyVersions = scheduleDailyVersions(store, rooms, config.dailyVersionsKeep, log)
  const userSockets = new UserSockets({ resolve: (token) => resolveUser(store, token), inUse: async (summaryId) => (await store.catalog.getSummary(summaryId)) !== undefined })
  userSockets.watch(config.heartbeatMs)
  if (bus) linkProcesses(userSockets, bus)
  const exports = new ExportPool({ workers: config.exportWorkers })
  holder.app = createApp(config, store, rooms, upgradeWebSocket, userSockets, exports)
  // Plain HTTP/1.1 (no createServer option): an http.Server, whose connections can be closed.
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: holder.app!.fetch, port: config.port, hostname: config.host }, () => resolve(started as Server))
    started.once('error', reject) // the port is taken (EADDRINUSE), or not ours to use
  })
  injectWebSocket(server)
  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host}:${port}`
  return {
    url,
    port,
    routes: holder.app.routes.filter((route) => route.method !== 'ALL').map(({ method, path }) => ({ method, path })),
    close: async () => {
      heartbeat.stop()
      backups?.stop()
      dailyVersions.stop()
      userSockets.stop()
      // Nothing new comes in from here on. A provider cut off below is back within a second, and
      // saving a summary may take seconds: a socket accepted meanwhile opened the summary again
      // after it was saved, and held the shutdown open for as long as its page stayed open.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.removeAllListeners('upgrade')
      server.on('upgrade', (_request, socket: Duplex) => socket.destroy())
      server.closeIdleConnections()
      for (const client of wss.clients) client.terminate()
      await rooms.closeAll()
      await exports.close()
      await bus?.close()
      server.closeAllConnections()
      await stopped
      await store.close()
    },
  }
}
