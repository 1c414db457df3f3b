import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Who may use web mode's socket. The printed link carries a one-time code
 * in its fragment; the first connection that presents it gets a session
 * token instead (kept in that tab's sessionStorage), and the code is spent:
 * a link left in the browser's history or session files opens nothing.
 */
export interface WebAccess {
  /** The one-time code of the printed link. */
  readonly code: string
  /** A session token that is valid from the start (tests and the e2e hooks; never printed for users). */
  readonly standing: string
  /** Spends the code: a new session token if `presented` is the unspent code, else null. */
  exchange(presented: string): string | null
  /** Whether `presented` is a session token issued by this run. */
  admits(presented: string): boolean
}

const newSecret = () => randomBytes(32).toString('hex')

function same(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function createWebAccess(options: Readonly<{ code?: string; standing?: string }> = {}): WebAccess {
  const code = options.code ?? newSecret()
  const standing = options.standing ?? newSecret()
  const sessions = new Set<string>([standing])
  let spent = false
  return {
    code,
    standing,
    exchange(presented) {
      if (spent || !same(presented, code)) return null
      spent = true
      const session = newSecret()
      sessions.add(session)
      return session
    },
    admits(presented) {
      let found = false
      // Every token is compared (no early exit): the time taken says nothing about which matched.
      for (const session of sessions) found = same(presented, session) || found
      return found
    },
  }
}
