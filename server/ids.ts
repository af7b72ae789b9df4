/**
 * Random, URL-safe identifiers for rows and summaries. Never starting with '-': a command line
 * (`npm run export -- --summary <id>`) would read such an id as an option.
 */
import { randomBytes } from 'node:crypto'

export const createId = (): string => {
  let id: string
  do id = randomBytes(9).toString('base64url')
  while (id.startsWith('-'))
  return id
}
