/**
 * Failed-login limiter per username and per address: after too many failures within the window
 * further attempts are refused (429) until the window passes. The failures live in the store
 * (loginFailures), so every process of a scaled set-up counts the same ones and a restart does
 * not forgive them.
 */
import type { Store } from '../store/types.js'

export interface RateLimitOptions {
  maxPerUser: number
  maxPerAddress: number
  windowMs: number
}

export const createLoginLimiter = (failures: Store['loginFailures'], { maxPerUser, maxPerAddress, windowMs }: RateLimitOptions) => {
  const userKey = (username: string) => `u:${username}`
  const addressKey = (address: string) => `a:${address}`
  return {
    isBlocked: async (username: string, address: string, now = Date.now()): Promise<boolean> => {
      const [byUser, byAddress] = await Promise.all([failures.count(userKey(username), now - windowMs), failures.count(addressKey(address), now - windowMs)])
      return byUser >= maxPerUser || byAddress >= maxPerAddress
    },
    recordFailure: (username: string, address: string, now = Date.now()): Promise<void> => failures.record([userKey(username), addressKey(address)], now, now - windowMs),
    reset: (username: string): Promise<void> => failures.clear(userKey(username)),
  }
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>
