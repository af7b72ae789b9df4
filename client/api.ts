/**
 * Fetch wrapper for the HTTP API: sends the session cookie, parses `{error:{message}}` answers
 * into ApiError with the server's Chinese message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/** `body` is sent as JSON, or as multipart form data when it is a FormData (file uploads). */
export const request = async <T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> => {
  const form = options.body instanceof FormData ? options.body : null
  const response = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    credentials: 'same-origin',
    headers: options.body === undefined || form ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : (form ?? JSON.stringify(options.body)),
  }).catch(() => {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络')
  })
  const text = await response.text()
  const data = text ? (JSON.parse(text) as unknown) : null
  if (!response.ok) {
    const error = (data as { error?: { code: string; message: string; details?: unknown } } | null)?.error
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? `请求失败（${response.status}）`, error?.details)
  }
  return data as T
}
