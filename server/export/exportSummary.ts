/**
 * One entry for every export path (API, versions, command line): builds the shared document
 * model once and hands it to the writer of the requested format.
 */
import type * as Y from 'yjs'
import { buildExportDocument } from '../../shared/export/buildExportDocument.js'
import { writeHtml } from '../../shared/export/html.js'
import { writeMarkdown } from '../../shared/export/markdown.js'
import { formatChineseDate, parseChinaDay } from '../../shared/chinaDay.js'
import { CLOSING_DATE_FORMAT_MESSAGE, DRAFT_MARKS, type DraftMark } from '../../shared/export/model.js'
import { writePlainText } from '../../shared/export/plainText.js'
import { markComments } from '../../shared/export/commentMarks.js'
import { trackChanges } from '../../shared/export/trackChanges.js'
import { AppError } from '../errors.js'
import type { Store } from '../store/index.js'
import type { OutlineEntry } from '../../shared/doc/outline.js'
import { redactDocument } from '../../shared/export/redact.js'
import { writeDocx } from './docx.js'

export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const isExportFormat = (value: unknown): value is ExportFormat => EXPORT_FORMATS.includes(value as ExportFormat)

/** What to tell someone who asked for `value`, which is not one of EXPORT_FORMATS. */
export const unknownFormatMessage = (value: string | undefined): string =>
  value ? `不支持的导出格式“${value}”，可选：${EXPORT_FORMATS.join('、')}` : `请指定导出格式（format）：${EXPORT_FORMATS.join('、')}`

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/**
 * The closing date (落款日期) an export asks for as `YYYY-MM-DD` (`?date=`, `--date`), or
 * `fallback` when it asks for none; throws the Chinese message for anything else.
 */
const closingDateOf = (asked: string | undefined, fallback: Date): Date => {
  if (asked === undefined || asked === '') return fallback
  const date = parseChinaDay(asked)
  if (!date) throw new AppError(400, 'invalid-date', CLOSING_DATE_FORMAT_MESSAGE, [{ path: 'date', message: CLOSING_DATE_FORMAT_MESSAGE }])
  return date
}

export interface ExportFile {
  body: Uint8Array<ArrayBuffer>
  contentType: string
  fileName: string
}

export interface ExportOptions {
  /** 落款日期 (default: now). */
  date?: Date
  /** 附件：指标汇总表. */
  appendix?: boolean
  /** 批注版 (.docx only): open comment threads, or all of them, as Word comments. */
  comments?: CommentChoice
  /** 修订版 (.docx only): the summary as a version had it; what changed since is tracked. */
  since?: { doc: Y.Doc; name: string }
  /** 红头 (.docx only): the 版头 and 版记 of the summary's 公文格式. */
  letterhead?: boolean
  /** 部门分稿: only what this department writes, for its head to sign. */
  part?: Part
  /** 稿本标注 under the title (征求意见稿…). */
  draftMark?: DraftMark
  /** 公开版: mobile and ID numbers in the text masked. */
  redact?: boolean
}

/** An on/off choice of an export (`1`, or `0` or nothing for off); 400 naming it for anything else. */
const switchOf = (asked: string | undefined, name: string, meaning: string): boolean => {
  if (asked === undefined || asked === '' || asked === '0') return false
  if (asked !== '1') throw new AppError(400, 'invalid-input', `${name} 应为 1（${meaning}）或 0`, [{ path: name, message: '应为 1 或 0' }])
  return true
}

/** `?redact=1` (the summary's export only): the 公开版, its personal numbers masked; not a 批注版 (its comments quote the text). */
export const redactOf = (asked: string | undefined, comments: CommentChoice): boolean => {
  if (!switchOf(asked, 'redact', '隐去个人信息')) return false
  if (comments !== 'none') throw new AppError(400, 'invalid-input', '公开版不能带批注', [{ path: 'redact', message: '不能与 comments 同用' }])
  return true
}

/** `?draft=` of an export (`--draft`): one of DRAFT_MARKS, or none; 400 for anything else. */
const draftMarkOf = (asked: string | undefined): DraftMark | undefined => {
  if (asked === undefined || asked === '') return undefined
  if (!(DRAFT_MARKS as readonly string[]).includes(asked)) throw new AppError(400, 'invalid-input', `稿本标注应为：${DRAFT_MARKS.join('、')}`, [{ path: 'draft', message: `可选：${DRAFT_MARKS.join('、')}` }])
  return asked as DraftMark
}

/** A department's part of a summary (部门分稿). */
export interface Part {
  departmentId: string
  department: string
}

/** A part is no document of the organisation's, so no 红头; and a 修订版 compares wholes. */
const refusePartWith = (letterhead: boolean, since: unknown): void => {
  if (letterhead || since) throw new AppError(400, 'invalid-input', '部门分稿不能带红头，也不能导出修订版', [{ path: 'department', message: '不能与 letterhead、changesSince 同用' }])
}

/**
 * `?department=` of an export (部门分稿): the department, which must write some section of the
 * summary; not with the 红头 nor a 修订版.
 */
export const partOf = async (store: Store, outline: readonly OutlineEntry[], departmentId: string | undefined, letterhead: boolean, since: unknown): Promise<Part | undefined> => {
  if (!departmentId) return undefined
  const department = await store.directory.getDepartment(departmentId)
  if (!department) throw new AppError(404, 'unknown-department', '部门不存在', [{ path: 'department', message: '部门不存在' }])
  refusePartWith(letterhead, since)
  if (!outline.some((entry) => entry.departmentId === departmentId)) throw new AppError(400, 'empty-part', `“${department.name}”在本总结中没有负责的章节`, [{ path: 'department', message: '没有负责的章节' }])
  return { departmentId, department: department.name }
}

/** `?department=all`: the part of every department that writes a section, in outline order. */
export const allPartsOf = async (store: Store, outline: readonly OutlineEntry[], letterhead: boolean, since: unknown): Promise<Part[]> => {
  refusePartWith(letterhead, since)
  const names = new Map((await store.directory.listDepartments()).map((department) => [department.id, department.name]))
  const writing = [...new Set(outline.flatMap((entry) => (entry.departmentId && names.has(entry.departmentId) ? [entry.departmentId] : [])))]
  if (writing.length === 0) throw new AppError(400, 'empty-part', '本总结还没有分配给部门的章节', [{ path: 'department', message: '没有部门负责的章节' }])
  return writing.map((departmentId) => ({ departmentId, department: names.get(departmentId)! }))
}

/** `?letterhead=1` (`--letterhead`) of an export: 400 for anything but 1/0, and for a format other than .docx. */
const letterheadOf = (asked: string | undefined, format: ExportFormat): boolean => {
  if (!switchOf(asked, 'letterhead', '带红头')) return false
  if (format !== 'docx') throw new AppError(400, 'letterhead-docx-only', '红头（版头、版记）只能导出为 Word（.docx）', [{ path: 'letterhead', message: '只适用于 docx' }])
  return true
}

export type CommentChoice = 'none' | 'open' | 'all'

/**
 * `?comments=` of an export: none, `1`/`open` (open threads) or `all`; 400 for anything else,
 * and for a format other than .docx (only Word has comments).
 */
const commentChoiceOf = (asked: string | undefined, format: ExportFormat): CommentChoice => {
  if (asked === undefined || asked === '' || asked === '0') return 'none'
  const choice = asked === '1' || asked === 'open' ? 'open' : asked === 'all' ? 'all' : null
  if (!choice) throw new AppError(400, 'invalid-input', 'comments 应为 1（未解决的评论）或 all（全部评论）', [{ path: 'comments', message: '应为 1 或 all' }])
  if (format !== 'docx') throw new AppError(400, 'comments-docx-only', '批注版只能导出为 Word（.docx）', [{ path: 'comments', message: '只适用于 docx' }])
  return choice
}

/**
 * What every export reads from its request (the summary's, a version's, the command line's): the
 * 落款日期 (`fallbackDate` when none is asked for), 附件, 批注版, 红头 and 稿本标注; each checked,
 * in that order, with its 400.
 */
export const exportChoicesOf = (asked: (name: string) => string | undefined, format: ExportFormat, fallbackDate: Date) => {
  const date = closingDateOf(asked('date'), fallbackDate)
  const comments = commentChoiceOf(asked('comments'), format)
  const letterhead = letterheadOf(asked('letterhead'), format)
  const draftMark = draftMarkOf(asked('draft'))
  return { date, appendix: asked('appendix') === '1', comments, letterhead, ...(draftMark ? { draftMark } : {}) }
}

/**
 * 修订版 (`changesSince`, `--changes-since`): the version to compare with, as its stored state;
 * only for a .docx without comments.
 */
export const versionToCompare = async (store: Store, summaryId: string, versionId: string | undefined, format: ExportFormat, comments: CommentChoice): Promise<{ state: Uint8Array; name: string } | undefined> => {
  if (!versionId) return undefined
  if (format !== 'docx') throw new AppError(400, 'changes-docx-only', '修订版只能导出为 Word（.docx）', [{ path: 'changesSince', message: '只适用于 docx' }])
  if (comments !== 'none') throw new AppError(400, 'invalid-input', '修订版和批注版不能同时导出，请分别导出', [{ path: 'changesSince', message: '不能与 comments 同用' }])
  const version = await store.versions.get(summaryId, versionId)
  if (!version) throw new AppError(404, 'unknown-version', '该版本不存在')
  return { state: version.data, name: version.name }
}

/** `doc` must be a copy of its own: a 批注版 marks the commented phrases in it. */
export const exportSummary = async (doc: Y.Doc, format: ExportFormat, { date = new Date(), appendix = false, comments = 'none', since, letterhead = false, part, draftMark, redact = false }: ExportOptions = {}): Promise<ExportFile> => {
  const marked = comments !== 'none' && format === 'docx' ? markComments(doc, comments) : undefined
  const closing = formatChineseDate(date)
  const current = { ...buildExportDocument(doc, { date: closing, appendix, letterhead: letterhead && format === 'docx', ...(part ? { part } : {}), ...(draftMark ? { draftMark } : {}) }), ...(marked ? { comments: marked } : {}) }
  const compared =
    since && format === 'docx'
      ? trackChanges(buildExportDocument(since.doc, { date: closing, appendix: false }), current, { author: `汇总（对比“${since.name}”）`, date: new Date().toISOString() })
      : current
  const model = redact ? redactDocument(compared) : compared
  const body =
    format === 'docx'
      ? new Uint8Array(await writeDocx(model))
      : new TextEncoder().encode(format === 'txt' ? writePlainText(model) : format === 'md' ? writeMarkdown(model) : writeHtml(model))
  const kind = since && format === 'docx' ? `（修订版，对比${since.name}）` : ''
  return { body, contentType: CONTENT_TYPES[format], fileName: `${fileNameOf(`${model.title || '工作总结'}${kind}`)}.${format}` }
}

/** A title as a file name: the characters no file system takes become _. */
export const fileNameOf = (title: string): string => title.replace(/[\\/:*?"<>|]/g, '_')

/** A Content-Disposition header that keeps a Chinese file name (RFC 6266 / 5987). */
export const attachmentHeader = (fileName: string): string =>
  `attachment; filename="summary.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

/** `inline=1` (a preview shown in the page): shown where it is asked for; else a download. */
export const dispositionOf = (inline: string | undefined, fileName: string): string => (inline === '1' ? 'inline' : attachmentHeader(fileName))
