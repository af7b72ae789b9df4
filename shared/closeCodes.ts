/**
 * Websocket close codes both sides read: the server closes with them, the client explains them
 * to the user. 44xx codes are final for the stock y-websocket provider (it does not reconnect).
 */
export interface CloseCode {
  code: number
  reason: string
}

export const CLOSE_MALFORMED: CloseCode = { code: 4400, reason: 'malformed-message' }
export const CLOSE_UNAUTHORISED: CloseCode = { code: 4401, reason: 'unauthorised' }
/** A refused edit. An unknown or deleted summary is “no access to that summary” (DESIGN.md) too. */
export const CLOSE_FORBIDDEN: CloseCode = { code: 4403, reason: 'permission-denied' }
export const CLOSE_UNKNOWN_SUMMARY: CloseCode = { code: 4403, reason: 'unknown-summary' }
export const CLOSE_SUMMARY_DELETED: CloseCode = { code: 4403, reason: 'summary-deleted' }
export const CLOSE_UNAVAILABLE: CloseCode = { code: 4503, reason: 'summary-unavailable' }
/** A message over the size limit is a malformed one (4400, as DESIGN.md says), told apart by its reason. */
export const CLOSE_TOO_BIG: CloseCode = { code: 4400, reason: 'message-too-big' }

/** Chinese explanations shown by the client for each close code. */
export const CLOSE_MESSAGES: Record<number, string> = {
  4400: '连接发送了无法识别的数据，已断开。',
  4401: '登录已失效，请重新登录。',
  4403: '您无权修改该部分内容（该章节可能刚被定稿或移交其他部门），被拒绝的修改已撤销并重新同步。',
  4503: '该总结暂时无法打开（存储数据读取失败），请联系管理员。',
}

/** What the client says for a close, by reason where one code has several. */
const REASON_MESSAGES: Record<string, string> = {
  [CLOSE_UNKNOWN_SUMMARY.reason]: '该总结不存在或已被删除。',
  [CLOSE_SUMMARY_DELETED.reason]: '该总结已被管理员移入回收站，无法继续编辑。尚未同步的内容仍保存在本浏览器中，总结恢复后打开即会同步。',
  // The browser's copy keeps what was typed; undone, the paste leaves little to send.
  [CLOSE_TOO_BIG.reason]: '单次修改的数据过大（如一次粘贴了超长的内容），连接已断开。请按 Ctrl+Z 撤销这次粘贴，再刷新页面，然后分几次粘贴；之前写的内容不会丢失。',
}

export const closeMessage = (code: number, reason: string): string => REASON_MESSAGES[reason] ?? CLOSE_MESSAGES[code] ?? `连接已关闭（代码 ${code}）`
