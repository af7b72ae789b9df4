/**
 * Where a request comes from, for the login limiter and the 安全审计. Behind a reverse proxy
 * (nginx in front, for HTTPS) every request comes from the proxy; with TRUST_PROXY=1 the
 * address the proxy appended to X-Forwarded-For is taken instead — the last one, the only one
 * the proxy vouches for (a client can send any it likes before it). Without TRUST_PROXY the
 * header is ignored: anyone could send it.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

export const clientAddress = (c: Context, trustProxy: boolean): string => {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean).at(-1) : undefined
  return forwarded ?? getConnInfo(c).remote.address ?? 'unknown'
}

/** Whether the page was reached over HTTPS: directly, or through a trusted proxy that says so. */
export const overHttps = (c: Context, trustProxy: boolean): boolean =>
  new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https')
