/**
 * A file a client uploads (a table of figures or people, a Word file): a multipart `file`, or the
 * request body itself, at most MAX_UPLOAD_BYTES, refused before reading when it says it is more.
 */
import type { Context } from 'hono'
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE } from '../../shared/upload.js'
import { AppError } from '../errors.js'

const tooLarge = () => new AppError(413, UPLOAD_TOO_LARGE.code, UPLOAD_TOO_LARGE.message)

/** Refuses a request that announces a body over the upload limit, before reading it. */
export const checkAnnouncedLength = (c: Context): void => {
  if (Number(c.req.header('content-length') ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge()
}

/** The content type of a request, without parameters, lower case. */
export const contentType = (c: Context): string => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/** A file a client sent: a multipart `file` (with its name), or the body itself (with its type). */
export interface UploadedFile {
  name: string | null
  type: string
  bytes: ArrayBuffer
}

/**
 * Reads an upload of at most MAX_UPLOAD_BYTES: a multipart `file`, or a body whose content type
 * is one of `types` (anything else is a 415 saying `accepted`).
 */
export const readUploadedFile = async (c: Context, types: readonly string[], accepted: string): Promise<UploadedFile> => {
  const type = contentType(c)
  checkAnnouncedLength(c)
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody().catch(() => {
      throw new AppError(400, 'invalid-upload', '上传内容无法解析（表单格式有误），请重新选择文件上传')
    })
    const file = form.file
    if (!(file instanceof File)) throw new AppError(400, 'missing-file', '请选择要上传的文件（字段 file）')
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge()
    return { name: file.name, type: file.type, bytes: await file.arrayBuffer() }
  }
  if (!types.includes(type)) throw new AppError(415, 'unsupported-media-type', accepted)
  const bytes = await c.req.arrayBuffer()
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge()
  return { name: null, type, bytes }
}
