/**
 * Why the server could not start, in words for whoever runs it: a setting that is wrong, a
 * database or Redis that cannot be reached, a port taken, a data directory that cannot be
 * written — said in one line with what to check, not as a stack trace.
 */
export class StartupError extends Error {}

/** The address without its password, for printing. */
const withoutPassword = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '（无法解析的地址）'
  }
}

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code?.toString()

const REASONS: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝',
  ENOTFOUND: '找不到该主机',
  EAI_AGAIN: '找不到该主机',
  ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '主机不可达',
  '28P01': '用户名或密码错误',
  '28000': '不允许该用户连接',
  '3D000': '数据库不存在',
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Runs `connect`; a failure becomes a StartupError that names the service and what to check. */
export const reaching = async <T>(service: string, setting: string, url: string, connect: () => Promise<T>): Promise<T> => {
  try {
    return await connect()
  } catch (error) {
    const where = `${service}（${setting}=${withoutPassword(url)}）`
    const reason = REASONS[codeOf(error) ?? '']
    // Reached, but something else went wrong there (a migration, a missing right): said as it is.
    if (!reason) throw new StartupError(`${where}出错：${messageOf(error)}`, { cause: error })
    throw new StartupError(`无法连接 ${where}：${reason}。请确认 ${service} 已启动，地址、端口、用户名和密码无误。`, { cause: error })
  }
}

/** The line printed when starting failed. */
export const explainStartupError = (error: unknown, settings: { port?: number; dataDir?: string; backupDir?: string } = {}): string => {
  if (error instanceof StartupError) return error.message
  const code = codeOf(error)
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `数据目录 ${settings.dataDir} 中的数据库文件 huizong.sqlite 已损坏（或不是汇总的数据库）：请从备份恢复，见 README“Backups”（npm run restore -- ${settings.backupDir ?? '<备份目录>'}/huizong-….sqlite）。`
  }
  if (code === 'EADDRINUSE') return `端口 ${settings.port} 已被占用：请关闭占用它的程序，或用环境变量 PORT 换一个端口。`
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return `无法写入数据目录 ${settings.dataDir}：请确认该目录存在且运行汇总的用户可以写入，或用环境变量 DATA_DIR 换一个目录。（${messageOf(error)}）`
  }
  return messageOf(error)
}
