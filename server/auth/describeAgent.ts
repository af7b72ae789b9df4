/**
 * A browser as its owner would recognise it in 登录设备: “Edge · Windows”, “微信 · iPhone”. Read
 * from the User-Agent, most specific first (Edge, 360 and QQ browsers say Chrome too).
 */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/MicroMessenger/i, '微信'],
  [/DingTalk/i, '钉钉'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/360SE|360EE|QIHU/i, '360浏览器'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/HarmonyOS|OpenHarmony/, '鸿蒙'],
  [/UOS|Deepin|Kylin/i, '国产操作系统'],
  [/Linux/, 'Linux'],
]

export const describeAgent = (userAgent: string | undefined): string => {
  if (!userAgent) return '未知设备'
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1]
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1]
  if (!browser && !system) return userAgent.slice(0, 40)
  return [browser ?? '其他浏览器', system].filter(Boolean).join(' · ')
}
