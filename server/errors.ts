/**
 * The one error type of the HTTP API. Routes throw it; app.onError turns it into
 * `{error:{code,message,details}}`. `code` is English kebab-case, `message` Chinese for users.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
