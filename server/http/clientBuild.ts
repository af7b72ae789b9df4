/**
 * Which build of the client this server hands out: the address of its entry script, named by
 * its content (`/assets/index-3f9c1a.js`), as index.html loads it. Every API answer carries it
 * (`X-Huizong-Client`), so a page loaded before an update notices it is out of date at its next
 * request and asks to be reloaded, rather than running old code against a newer server.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ENTRY = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/

/** The entry of the build in `clientDir`, read again whenever index.html changes; null before a build. */
export const clientBuild = (clientDir: string): (() => string | null) => {
  const index = join(clientDir, 'index.html')
  let known: { changedAt: number; entry: string | null } = { changedAt: -1, entry: null }
  return () => {
    let changedAt: number
    try {
      changedAt = statSync(index).mtimeMs
    } catch {
      return null
    }
    if (changedAt !== known.changedAt) known = { changedAt, entry: ENTRY.exec(readFileSync(index, 'utf8'))?.[1] ?? null }
    return known.entry
  }
}
