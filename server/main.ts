/** Entry point of `npm start`: reads the environment, starts, and shuts down cleanly on signals. */
import { readConfig } from './config.js'
import { startServer } from './start.js'

const config = readConfig()
const server = await startServer(config)
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
