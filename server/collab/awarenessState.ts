/**
 * What a client may put in its awareness state. Everything is relayed as sent except `user`,
 * which the server stamps with the identity it knows, and `cursor`, which every colleague's caret
 * plugin parses on each redraw: it must be absent, null, or a pair of Yjs relative positions. A
 * malformed one would make that plugin throw in the editor of every colleague viewing the
 * summary, so it is relayed as null (no caret shown); the rest of the state goes through.
 */
import { z } from 'zod'

const id = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() })
// y-tiptap publishes RelativePosition objects as they are, so absent fields arrive as null
const relativePosition = z
  .object({ type: id.nullish(), tname: z.string().nullish(), item: id.nullish(), assoc: z.number().int().nullish() })
  .refine((position) => position.type != null || position.tname != null || position.item != null)
const caret = z.object({ anchor: relativePosition, head: relativePosition }).nullable().optional()

/** The state as colleagues may see it: a malformed `cursor` becomes null. */
export const withSafeCaret = <T extends object>(state: T): T =>
  caret.safeParse((state as { cursor?: unknown }).cursor).success ? state : { ...state, cursor: null }
