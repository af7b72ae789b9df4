/**
 * A request answered without its body being read — a figures file for a summary that does not
 * exist, an upload refused for its declared size — still has that body on the way. Answering
 * while it streams in breaks fetch (undici) clients: the answer arrives mid-upload and the
 * upload fails with a broken pipe instead of “文件过大”, or the connection is reused while the
 * server is still reading and the *next* request fails with ECONNRESET. So what a route left
 * unread is read and thrown away before the answer goes, when the body said its length and that
 * is at most LEFTOVER_BYTES, for at most LEFTOVER_MS. A longer or endless body is cut off at
 * once, as before: nobody may keep the server reading.
 */
import type { MiddlewareHandler } from 'hono'

const LEFTOVER_BYTES = 64 * 1024 * 1024
const LEFTOVER_MS = 30_000

export const readLeftoverBody: MiddlewareHandler = async (c, next) => {
  await next()
  const declared = Number(c.req.header('content-length') ?? Number.NaN)
  if (!(declared > 0 && declared <= LEFTOVER_BYTES)) return
  const request = c.req.raw
  if (request.bodyUsed || !request.body) return
  let timer: NodeJS.Timeout | undefined
  const timeUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, LEFTOVER_MS)))
  await Promise.race([request.body.pipeTo(new WritableStream()).catch(() => undefined), timeUp])
  clearTimeout(timer)
}
