// `npm start` runs this first: builds the client into dist/ when it is missing or older than
// any source file it is built from.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name)
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }, 0)

const built = 'dist/index.html'
const sources = Math.max(newest('client'), newest('shared'), statSync('vite.config.ts').mtimeMs)
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('正在构建前端（首次启动约需数秒）…')
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
}
