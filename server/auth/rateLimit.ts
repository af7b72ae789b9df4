/**
 * Failed-login limiter per username and per address: after too many failures within the window
 * further attempts are refused (429) until the window passes. In memory, per process.
 */
export interface RateLimitOptions {
  maxPerUser: number
  maxPerAddress: number
  windowMs: number
}

export const createLoginLimiter = ({ maxPerUser, maxPerAddress, windowMs }: RateLimitOptions) => {
  const failures = new Map<string, number[]>()
  const recent = (key: string, now: number): number[] => {
    const times = (failures.get(key) ?? []).filter((time) => now - time < windowMs)
    if (times.length === 0) failures.delete(key)
    else failures.set(key, times)
    return times
  }
  return {
    isBlocked: (username: string, address: string, now = Date.now()): boolean =>
      recent(`u:${username}`, now).length >= maxPerUser || recent(`a:${address}`, now).length >= maxPerAddress,
    recordFailure: (username: string, address: string, now = Date.now()): void => {
      for (const key of [`u:${username}`, `a:${address}`]) failures.set(key, [...recent(key, now), now])
    },
    reset: (username: string): void => void failures.delete(`u:${username}`),
  }
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>
