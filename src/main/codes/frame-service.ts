import type { AccountSummary, CodeFrame, CodeFrames } from '../../shared/contract'
import { codeFrame } from '../otp/generate'
import type { Vault } from '../vault/vault'

export type FrameServiceDeps = Readonly<{
  vault: Vault
  /** System clock, ms since the epoch. */
  now: () => number
  /** Added to `now()` for codes: 0, or the measured offset when corrected time is on. */
  correctionMs: () => number
  /** Called with fresh frames at every period boundary and whenever accounts or keys change. */
  publish: (frames: CodeFrames) => void
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface FrameService {
  frames(): CodeFrames
  frame(accountId: string): CodeFrame | null
  /** Recompute and publish now (accounts, keys or the clock correction changed). */
  refresh(): void
  dispose(): void
}

/**
 * Computes codes in main and pushes them as frames: once per period
 * boundary for all accounts, not once a second per account. The renderer
 * animates the countdown from `periodStart` and `period` itself.
 */
export function createFrameService(deps: FrameServiceDeps): FrameService {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  let timer: unknown = null
  // A frame stays right for a whole period: computed once, reused by every
  // push and request until its period ends or the account or key changes.
  // (1,000 accounts cost 2,000 HMACs to compute, nothing to reuse.)
  const cache = new Map<string, Readonly<{ account: AccountSummary; key: Uint8Array; frame: CodeFrame }>>()

  const codeTime = () => deps.now() + deps.correctionMs()

  function frameOf(accountId: string, at: number): CodeFrame | null {
    const account = deps.vault.get(accountId)
    const key = deps.vault.key(accountId)
    if (!account || !key) {
      cache.delete(accountId)
      return null
    }
    const hit = cache.get(accountId)
    const fresh = hit && hit.account === account && hit.key === key
    if (fresh && (account.type === 'hotp' || (at >= hit.frame.periodStart && at < hit.frame.periodStart + hit.frame.period * 1000))) return hit.frame
    const frame = { accountId, ...codeFrame(account, key, at) }
    cache.set(accountId, { account, key, frame })
    return frame
  }

  function frames(): CodeFrames {
    const at = codeTime()
    const out: CodeFrame[] = []
    const live = new Set<string>()
    for (const account of deps.vault.accounts()) {
      live.add(account.id)
      const frame = frameOf(account.id, at)
      if (frame) out.push(frame)
    }
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id)
    return { frames: out, correctionMs: deps.correctionMs() }
  }

  /** Next moment any account's period rolls over, on the code clock. */
  function msToNextBoundary(): number | null {
    const at = codeTime()
    const periods = new Set(deps.vault.accounts().filter((a) => a.type !== 'hotp' && deps.vault.key(a.id)).map((a) => a.period * 1000))
    let soonest: number | null = null
    for (const p of periods) {
      const wait = p - (at % p)
      if (soonest === null || wait < soonest) soonest = wait
    }
    return soonest
  }

  function schedule(): void {
    if (timer !== null) clearTimer(timer)
    timer = null
    const wait = msToNextBoundary()
    if (wait === null) return
    // A few ms past the boundary, so the new period has surely begun.
    timer = setTimer(() => {
      timer = null
      refresh()
    }, wait + 5)
  }

  function refresh(): void {
    deps.publish(frames())
    schedule()
  }

  return {
    frames,
    frame: (id) => frameOf(id, codeTime()),
    refresh,
    dispose() {
      if (timer !== null) clearTimer(timer)
      timer = null
    },
  }
}
