/**
 * What a client may put in its awareness state. Everything is relayed as sent except `user`,
 * which the server stamps with the identity it knows, and `cursor`, which every colleague's caret
 * plugin parses on each redraw: it must be absent, null, or a pair of Yjs relative positions. A
 * malformed one makes that plugin throw in the editor of every colleague viewing the summary.
 */
import { z } from 'zod'

const id = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })
const relativePosition = z
  .object({ type: id.optional(), tname: z.string().optional(), item: id.optional(), assoc: z.number().int().optional() })
  .refine((position) => position.type !== undefined || position.tname !== undefined || position.item !== undefined)
const caret = z.object({ anchor: relativePosition, head: relativePosition }).nullable().optional()

export const hasValidCaret = (state: object): boolean => caret.safeParse((state as { cursor?: unknown }).cursor).success
