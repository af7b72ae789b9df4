/** 安全审计: what is kept (server/store/audit.ts) and how the page and the workbook name it. */

export const AUDIT_LABELS = {
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出',
  'password-change': '修改密码',
  'password-change-failed': '修改密码失败',
  'user-create': '新建用户',
  'user-update': '修改用户',
  'users-import': '批量导入用户',
  'department-create': '新建部门',
  'department-rename': '部门改名',
  'department-delete': '删除部门',
  'template-save': '保存模板',
  'template-delete': '删除模板',
  'summary-delete': '删除总结',
  'summary-restore': '恢复总结',
  'summary-purge': '彻底删除总结',
  'backup-create': '备份数据库',
  'backup-download': '下载备份',
} as const
export type AuditAction = keyof typeof AUDIT_LABELS

/** Entries per answer of GET /api/audit, newest first; fewer means there is nothing older. */
export const AUDIT_PAGE = 500

/** Where a page of the log ends: entries older than `at`, or at `at` with a smaller `id`. */
export interface AuditCursor {
  at: number
  id?: number
}

export interface AuditEntry {
  /** Its place in the log: with `at`, the cursor for the next page (entries may share a millisecond). */
  id: number
  at: number
  /** Who did it; null for a sign-in that failed (no one was signed in). */
  actorId: string | null
  /** Their name then, or the user name tried at a failed sign-in. */
  actorName: string
  action: AuditAction
  detail: string
  /** The client's address. */
  address: string
}
