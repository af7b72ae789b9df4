/** Shared types of the Hono app: what every route can read from the context. */
import type { User } from './store/directory.js'

export interface AppEnv {
  Variables: {
    user: User
    token: string
    /** The client's address (clientAddress.ts). */
    address: string
    /** Reached over HTTPS: the session cookie is then Secure. */
    secure: boolean
  }
}
