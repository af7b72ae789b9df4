/** Random, URL-safe identifiers for rows and summaries. */
import { randomBytes } from 'node:crypto'

export const createId = (): string => randomBytes(9).toString('base64url')
