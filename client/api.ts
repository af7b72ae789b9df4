/**
 * Fetch wrapper for the HTTP API: sends the session cookie, parses `{error:{message}}` answers
 * into ApiError with the server's Chinese message.
 */
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '../shared/upload.js'
import { noticeServedBuild } from './clientUpdate.js'

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

interface RequestOptions {
  method?: string
  body?: unknown
}

const parse = (text: string): unknown => (text ? JSON.parse(text) : null)

/** Sends a request and answers its body as text; a failure becomes an ApiError. */
const send = async (path: string, options: RequestOptions): Promise<string> => {
  const form = options.body instanceof FormData ? options.body : null
  if (form && [...form.values()].some((value) => value instanceof File && value.size > MAX_UPLOAD_BYTES))
    throw new ApiError(413, UPLOAD_TOO_LARGE.code, `${UPLOAD_TOO_LARGE.message}，请删去无关的内容（如图片、多余的工作表）后再上传`)
  const response = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    credentials: 'same-origin',
    headers: options.body === undefined || form ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : (form ?? JSON.stringify(options.body)),
  }).catch(() => {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络')
  })
  noticeServedBuild(response)
  const text = await response.text()
  if (!response.ok) {
    const error = (parse(text) as { error?: { code: string; message: string; details?: unknown } } | null)?.error
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? `请求失败（${response.status}）`, error?.details)
  }
  return text
}

/** A file as every upload route takes it: the multipart field `file`. */
export const fileForm = (file: File): FormData => {
  const form = new FormData()
  form.append('file', file)
  return form
}

/** `body` is sent as JSON, or as multipart form data when it is a FormData (file uploads). */
export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => parse(await send(path, options)) as T

/** A GET whose answer is text (an export's preview), with the same errors as `request`. */
export const requestText = (path: string): Promise<string> => send(path, {})
