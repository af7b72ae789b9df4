/** Entry point of `npm start`: reads the environment, starts, and shuts down cleanly on signals. */
import { readConfig, type Config } from './config.js'
import { startServer } from './start.js'
import { explainStartupError } from './startupError.js'

// A log reader that went away (a closed pipe, a logger that died) must not take the server down
// with it: the next log line would fail with EPIPE, and an unhandled stream error ends the
// process — on SIGTERM before it has saved and closed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

let config: Config | undefined
const server = await (async () => {
  try {
    config = readConfig()
    return await startServer(config)
  } catch (error) {
    console.error(`汇总启动失败：${explainStartupError(error, config ?? {})}`)
    process.exit(1)
  }
})()
console.log(`汇总 Huizong 已启动：${server.url}`)

let stopping = false
const stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`收到 ${signal}，正在保存并退出…`)
  await server.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
