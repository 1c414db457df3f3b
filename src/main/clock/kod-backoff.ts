export type KodBackoffDeps = Readonly<{
  /**
   * A monotonic clock, ms (e.g. `performance.now`). Not the system clock:
   * the clock this module exists to distrust may jump and would shorten or
   * stretch a back-off.
   */
  now: () => number
  /** First RATE back-off, ms; doubles on each RATE in a row. Default 15 min. */
  rateInitialMs?: number
  /** Longest RATE back-off, ms. Default 24 h. */
  rateMaxMs?: number
  /** How long a DENY or RSTR silences a server, ms. Default 24 h (in practice: until the app restarts). */
  denyMs?: number
}>

export type KodCode = 'RATE' | 'DENY' | 'RSTR'

export interface KodBackoff {
  /** ms until `server` may be asked again; 0 when it may be asked now. */
  blockedForMs(server: string): number
  /** Records a Kiss-o'-Death from `server` (by label). */
  recordKiss(server: string, code: KodCode): void
  /** A good reply: the RATE streak starts over. */
  recordSuccess(server: string): void
}

/**
 * Honours Kiss-o'-Death packets per server (RFC 5905 §7.4, RFC 4330 §8):
 * RATE asks us to poll less, so we stay away for a back-off that doubles on
 * each RATE in a row (15 min, 30 min, ... capped at 24 h); DENY and RSTR
 * tell us to stop using the server, so we stay away for `denyMs`. Other
 * kiss codes are not recorded: they are reported and the server is simply
 * not used for that check.
 */
export function createKodBackoff(deps: KodBackoffDeps): KodBackoff {
  const rateInitialMs = deps.rateInitialMs ?? 15 * 60_000
  const rateMaxMs = deps.rateMaxMs ?? 24 * 3_600_000
  const denyMs = deps.denyMs ?? 24 * 3_600_000
  const until = new Map<string, number>()
  const rateStreak = new Map<string, number>()

  return {
    blockedForMs(server) {
      const end = until.get(server)
      if (end === undefined) return 0
      const left = end - deps.now()
      if (left > 0) return left
      until.delete(server)
      return 0
    },
    recordKiss(server, code) {
      if (code === 'RATE') {
        const streak = (rateStreak.get(server) ?? 0) + 1
        rateStreak.set(server, streak)
        until.set(server, deps.now() + Math.min(rateMaxMs, rateInitialMs * 2 ** (streak - 1)))
      } else {
        until.set(server, deps.now() + denyMs)
      }
    },
    recordSuccess(server) {
      rateStreak.delete(server)
    },
  }
}
