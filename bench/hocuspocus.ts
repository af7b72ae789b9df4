/** @hocuspocus/server in memory (no extensions), the peer to beat. */
import { Server } from '@hocuspocus/server'

const server = new Server({ port: 0, quiet: true, stopOnSignals: true })
await server.listen()
console.log(`listening on ws://127.0.0.1:${server.address.port}`)
