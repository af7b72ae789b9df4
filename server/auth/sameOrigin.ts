/**
 * Requests that change something must come from our own pages (or carry a bearer token). The
 * session cookie is SameSite=Lax, which stops other sites but not another application on the
 * same host or a sibling subdomain (the same "site"), common on an office's intranet server: a
 * form there could post JSON as text/plain with the admin's cookie and create an account. The
 * browser says where a request comes from in Sec-Fetch-Site (every current browser) or, older
 * ones, in Origin; scripts that send neither are not browsers riding on someone's cookie.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../context.js'
import { AppError } from '../errors.js'

/** Whether the request's Origin, if it has one, is the host it was sent to. */
export const sameOrigin = (c: Context): boolean => {
  const origin = c.req.header('origin')
  if (!origin) return true
  try {
    return new URL(origin).host === c.req.header('host')
  } catch {
    return false
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Refuses a cross-origin request that changes something and does not carry its own token. */
export const refuseCrossOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')?.startsWith('Bearer ')) return next()
  const site = c.req.header('sec-fetch-site')
  const fromUs = site !== undefined ? site === 'same-origin' || site === 'none' : sameOrigin(c)
  if (!fromUs) throw new AppError(403, 'cross-origin', '该请求来自其他网站或应用，已拒绝（防止跨站请求伪造）。请在汇总的页面中操作。')
  await next()
}
