/**
 * 公文格式 of a summary (meta `official`, set by the admin): the 主送机关 or 称谓 line under the
 * title, printed in every export, and what the 版头 (红头) and 版记 of a .docx asked for with
 * `letterhead=1` say. Stored without empty fields; a summary without any has none.
 */
export interface OfficialForm {
  /** 主送机关 (县委、县政府) or, for a report delivered as a speech, the 称谓 (尊敬的各位领导). */
  addressee?: string
  /** 发文机关标志, red at the top of the 版头; `{organisation}文件` when not set. */
  issuer?: string
  /** 发文字号, e.g. 青园管发〔2026〕15号. */
  number?: string
  /** 签发人 of a report sent up (上行文): printed right of the 发文字号, which then moves left. */
  signer?: string
  /** 抄送机关, separated by ，. */
  copyTo?: string
  /** 印发机关 of the 版记, printed with the closing date and 印发. */
  printedBy?: string
  /** 附注 under the closing date, in brackets (联系人：王某某，联系电话：…), in every format. */
  note?: string
}

export const OFFICIAL_FIELDS = ['addressee', 'issuer', 'number', 'signer', 'copyTo', 'printedBy', 'note'] as const

/** What the screens and the 操作记录 call each field. */
export const OFFICIAL_LABELS: Record<(typeof OFFICIAL_FIELDS)[number], string> = {
  addressee: '主送机关或称谓',
  issuer: '发文机关标志',
  number: '发文字号',
  signer: '签发人',
  copyTo: '抄送',
  printedBy: '印发机关',
  note: '附注',
}

/** The year of a 发文字号 belongs in 六角括号 〔〕 (GB/T 9704); [2026], (2026) and 【2026】 are the usual slips. */
export const normaliseDocumentNumber = (text: string): string => text.replace(/[[［(（【〖]\s*(\d{4})\s*[\]］)）】〗]/g, '〔$1〕')

/** The fields that are set, or null when none is (the meta key is then removed). */
export const compactOfficialForm = (form: OfficialForm): OfficialForm | null => {
  const kept = Object.fromEntries(OFFICIAL_FIELDS.flatMap((key) => (form[key] ? [[key, form[key]]] : []))) as OfficialForm
  return Object.keys(kept).length ? kept : null
}

/** The form as stored in the doc's meta, read defensively (only string fields count). */
export const readOfficialForm = (stored: unknown): OfficialForm | undefined => {
  if (!stored || typeof stored !== 'object') return undefined
  const record = stored as Record<string, unknown>
  return compactOfficialForm(Object.fromEntries(OFFICIAL_FIELDS.flatMap((key) => (typeof record[key] === 'string' ? [[key, record[key]]] : [])))) ?? undefined
}

/** The form in one line for the 操作记录: 主送机关或称谓“县委、县政府”、发文字号“…”. */
export const describeOfficialForm = (form: OfficialForm): string =>
  OFFICIAL_FIELDS.flatMap((key) => (form[key] ? [`${OFFICIAL_LABELS[key]}“${form[key]}”`] : [])).join('、')
