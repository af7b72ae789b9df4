// Makes sure Debian's Chromium (and CJK fonts for readable screenshots) exist before browser
// tests. As root it installs them with apt-get; otherwise it explains how and fails.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-noto-cjk'])]

if (missing.length > 0) {
  if (!isRoot) {
    if (missing.includes('chromium')) {
      console.error(`浏览器测试需要 Chromium：请运行 sudo apt-get install -y ${missing.join(' ')}`)
      process.exit(1)
    }
    console.warn('未找到中文字体，截图中的汉字可能无法显示：sudo apt-get install -y fonts-noto-cjk')
  } else {
    console.log(`Installing ${missing.join(', ')} from Debian…`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execSync('apt-get update -qq', { stdio: 'inherit', env })
    execSync(`apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit', env })
  }
}
