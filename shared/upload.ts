/**
 * The largest file a user uploads (a table of figures or people, a Word file): the server refuses
 * more, and the page says so before sending it, which saves the upload (the server answers a
 * refusal only once the file is in: server/http/leftoverBody.ts).
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
export const UPLOAD_TOO_LARGE = { code: 'upload-too-large', message: '文件过大（上限 5 MB）' } as const
