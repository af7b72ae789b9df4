/** The Hono app: API routes, the collab websocket, the built client, and one error handler. */
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { serveStatic } from '@hono/node-server/serve-static'
import type { UpgradeWebSocket } from 'hono/ws'
import type WebSocket from 'ws'
import type { AppEnv } from './context.js'
import { AppError } from './errors.js'
import { createLoginLimiter } from './auth/rateLimit.js'
import { refuseCrossOrigin } from './auth/sameOrigin.js'
import { mountCollab } from './collab/endpoint.js'
import { SavePending, SummaryUnavailable, type Rooms } from './collab/rooms.js'
import type { UserSockets } from './collab/userSockets.js'
import type { Config } from './config.js'
import { authRoutes } from './http/auth.js'
import { commentRoutes } from './http/comments.js'
import { earlierFromWordRoutes } from './http/earlierFromWord.js'
import { sectionWriterRoutes } from './http/sectionWriter.js'
import { readMarkRoutes } from './http/readMarks.js'
import { readLeftoverBody } from './http/leftoverBody.js'
import { auditRoutes } from './http/audit.js'
import { CLIENT_BUILD_HEADER } from '../shared/clientBuild.js'
import { clientBuild } from './http/clientBuild.js'
import { clientAddress, overHttps } from './http/clientAddress.js'
import { reminderRoutes } from './http/reminders.js'
import { userImportRoutes } from './http/userImport.js'
import { directoryRoutes } from './http/directory.js'
import { sectionRoutes } from './http/sections.js'
import { versionRoutes } from './http/versions.js'
import { backupRoutes } from './http/backups.js'
import { journalRoutes } from './http/journal.js'
import { exportRoutes } from './http/exports.js'
import type { ExportPool } from './export/exportPool.js'
import { indicatorRoutes } from './http/indicators.js'
import { summaryRoutes } from './http/summaries.js'
import { searchRoutes } from './http/search.js'
import { templateRoutes } from './http/templates.js'
import type { Store } from './store/index.js'

const MAX_REQUEST_BYTES = 6 * 1024 * 1024

export const createApp = (config: Config, store: Store, rooms: Rooms, upgradeWebSocket: UpgradeWebSocket<WebSocket>, userSockets: UserSockets, exports: ExportPool) => {
  const app = new Hono<AppEnv>()
  const limiter = createLoginLimiter(store.loginFailures, { maxPerUser: 5, maxPerAddress: 100, windowMs: 5 * 60_000 })

  // The usual protective headers (nosniff, same-origin framing, no referrer to other sites) on
  // every page and API answer; the websocket upgrade is left to the collab endpoint. Scripts,
  // connections and everything else only from this origin; inline styles are allowed because
  // Tiptap adds its editor styles as a <style> element at run time (and exported HTML has one).
  const protect = secureHeaders({
    crossOriginEmbedderPolicy: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'self'"],
      formAction: ["'self'"],
    },
  })
  app.use('*', (c, next) => (c.req.path.startsWith('/collab/') ? next() : protect(c, next)))
  app.use('*', async (c, next) => {
    c.set('address', clientAddress(c, config.trustProxy))
    c.set('secure', overHttps(c, config.trustProxy))
    await next()
  })
  app.use('/api/*', readLeftoverBody)
  // No API request needs more than an upload of figures (5 MB) plus its form; a larger or
  // endless body is cut off while it streams in, before any route buffers it.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) => c.json({ error: { code: 'payload-too-large', message: `提交的内容过大（上限 ${MAX_REQUEST_BYTES / 1024 / 1024} MB）` } }, 413),
    }),
  )
  app.use('/api/*', refuseCrossOrigin)
  const servedBuild = clientBuild(config.clientDir)
  app.use('/api/*', async (c, next) => {
    await next()
    const entry = servedBuild()
    if (entry) c.header(CLIENT_BUILD_HEADER, entry)
  })
  // Liveness and load for operators and benchmarks; reveals no content.
  // 503 while any open summary cannot be saved, so monitoring notices a full disk or a database down.
  app.get('/healthz', (c) => {
    const notSaving = rooms.notSaving()
    // Redis down is reported, not failed: each process still serves and saves, and catches up
    // from the store; failing every process's check at once would take them all out of a balancer.
    const linked = rooms.linked()
    const redis = linked === null ? {} : { redis: linked ? 'connected' : 'disconnected' }
    return c.json({ ok: notSaving === 0, openSummaries: rooms.loaded(), summariesNotSaving: notSaving, ...redis, rssBytes: process.memoryUsage().rss }, notSaving === 0 ? 200 : 503)
  })
  app.route('/api', authRoutes(store, limiter, userSockets))
  app.route('/api/users/import', userImportRoutes(store))
  app.route('/api', directoryRoutes(store, rooms, userSockets))
  app.route('/api/templates', templateRoutes(store))
  app.route('/api/backups', backupRoutes(store))
  app.route('/api/audit', auditRoutes(store))
  app.route('/api/search', searchRoutes(store, rooms))
  app.route('/api/summaries', summaryRoutes(store, rooms, userSockets))
  app.route('/api/summaries', indicatorRoutes(store, rooms))
  app.route('/api/summaries', commentRoutes(store, rooms))
  app.route('/api/summaries', exportRoutes(store, rooms, exports))
  app.route('/api/summaries', sectionRoutes(store, rooms))
  app.route('/api/summaries', versionRoutes(store, rooms, exports))
  app.route('/api/summaries', journalRoutes(store))
  app.route('/api/summaries', reminderRoutes(store, rooms))
  app.route('/api/summaries', earlierFromWordRoutes(store, rooms))
  app.route('/api/summaries', sectionWriterRoutes(store, rooms))
  app.route('/api/summaries', readMarkRoutes(store, rooms))
  app.all('/api/*', () => {
    throw new AppError(404, 'not-found', '接口不存在')
  })
  mountCollab(app, upgradeWebSocket, store, rooms, userSockets, config.maxMessageBytes)

  const root = relative(process.cwd(), config.clientDir) || '.'
  // Built files are named by their content: a browser keeps them for good, compressed at build
  // (vite.config.ts). One the build no longer has (an open page after an update) is a 404, never
  // the page, which the browser would try to run as a script.
  app.use('/assets/*', serveStatic({ root, precompressed: true, onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }))
  app.all('/assets/*', (c) => c.text('Not Found', 404))
  app.get('*', (c) => {
    const index = join(config.clientDir, 'index.html')
    if (!existsSync(index)) return c.text('客户端尚未构建：请运行 npm run build', 503)
    // Asked again every time, so an update reaches every browser at its next page load.
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(index, 'utf8'))
  })

  app.onError((error, c) => {
    if (error instanceof AppError) {
      return c.json({ error: { code: error.code, message: error.message, details: error.details } }, error.status)
    }
    if (error instanceof SummaryUnavailable) {
      return c.json({ error: { code: 'summary-unavailable', message: '该总结的存储数据无法读取，请联系管理员' } }, 503)
    }
    if (error instanceof SavePending) {
      console.error(`[http] ${c.req.method} ${c.req.path}: ${error.message}`)
      return c.json({ error: { code: 'save-pending', message: '修改已收到，但服务器暂时无法写入存储；恢复后会自动保存，请勿重复提交，稍后刷新确认' } }, 503)
    }
    const requestId = Math.random().toString(36).slice(2, 10)
    console.error(`[http] ${requestId} ${c.req.method} ${c.req.path}`, error)
    return c.json({ error: { code: 'internal-error', message: `服务器内部错误（编号 ${requestId}）` } }, 500)
  })
  return app
}
