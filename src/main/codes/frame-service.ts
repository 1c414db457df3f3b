import { apiError, type AccountSummary, type ApiError, type CodeFrame, type CodeFrames, type CodesAround } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { createListeners, type OnChange } from '../core/listeners'
import { mapInTimedSlices, SLICE_ITEMS } from '../core/slices'
import { chooseCode } from '../../shared/code-choice'
import { codesAroundFor, expectedCodeFor } from '../clock/codes-around'
import { codeFrame } from '../otp/generate'
import type { Vault } from '../vault/vault'

/** A code to copy, which one it is, and how long it has left (null: HOTP, or the expected code). */
export type ChosenCode = Readonly<{ code: string; which: 'current' | 'next' | 'expected'; secondsLeft: number | null }>

export type FrameServiceDeps = Readonly<{
  vault: Vault
  /** System clock, ms since the epoch. */
  now: () => number
  /** Added to `now()` for codes: 0, or the measured offset when corrected time is on. */
  correctionMs: () => number
  /** The measured offset when it can be trusted now, else null: the clock the site uses, for "code rejected?". */
  trustedOffsetMs?: () => number | null
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

/**
 * Frames a `codes.frames` reply computes itself, at most (100 HMACs, a ms
 * or two; a seller's whole list, most often): the rest are computed in
 * slices and pushed, so a reply never waits for a thousand just-imported
 * accounts' first codes.
 */
export const REPLY_FRAMES_COMPUTED = 50

export interface FrameService {
  /** Every account's frame, computing all that are not ready. */
  frames(): CodeFrames
  /**
   * The frames ready now plus up to `REPLY_FRAMES_COMPUTED` not yet
   * computed; if any are left out, a push of all of them follows.
   */
  framesNow(): CodeFrames
  /**
   * Computes the frames not yet ready (new accounts, a new period), a slice
   * of accounts at a time: `frames()` after it costs no HMAC.
   */
  warm(): Promise<void>
  frame(accountId: string): CodeFrame | null
  /**
   * The code to copy now, or why there is none. `next`: the next period's,
   * where there is one; `expected`: the one the site expects by the trusted
   * measured offset; `current` becomes the next one when fewer than
   * `nextBelowSeconds` are left (`chooseCode`, the one rule for every copy).
   */
  code(accountId: string, which?: 'current' | 'next' | 'expected', nextBelowSeconds?: number): Result<ChosenCode, ApiError>
  /** The frame of an account, or why it has none (after an HOTP counter moved, say). */
  frameOrProblem(accountId: string): Result<CodeFrame, ApiError>
  /** An account's codes either side of now, for "code rejected?". */
  around(accountId: string): Result<CodesAround, ApiError>
  /** Fresh frames at every period boundary and whenever accounts, keys or the clock correction change. */
  onChange: OnChange<[frames: CodeFrames]>
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
  const changes = createListeners<[CodeFrames]>()
  // A frame stays right for a whole period: computed once, reused by every
  // push and request until its period ends or the account or key changes.
  // (1,000 accounts cost 2,000 HMACs to compute, nothing to reuse.)
  const cache = new Map<string, Readonly<{ account: AccountSummary; key: Uint8Array; frame: CodeFrame }>>()

  const codeTime = () => deps.now() + deps.correctionMs()
  const trustedOffset = () => deps.trustedOffsetMs?.() ?? null

  /** The cached frame, if it is still right at `at` for this account and key. */
  function cached(account: AccountSummary, key: Uint8Array, at: number): CodeFrame | null {
    const hit = cache.get(account.id)
    if (!hit || hit.account !== account || hit.key !== key) return null
    return account.type === 'hotp' || (at >= hit.frame.periodStart && at < hit.frame.periodStart + hit.frame.period * 1000) ? hit.frame : null
  }

  function frameOf(accountId: string, at: number): CodeFrame | null {
    const account = deps.vault.get(accountId)
    const key = deps.vault.key(accountId)
    if (!account || !key) {
      cache.delete(accountId)
      return null
    }
    return cached(account, key, at) ?? compute(account, key, at)
  }

  /** A new frame for this account and key at `at`, kept until its period ends or either changes. */
  function compute(account: AccountSummary, key: Uint8Array, at: number): CodeFrame {
    // Frozen: it is sent as it is until its period ends, and its check is kept (core/sliced-parse.ts).
    const frame = Object.freeze({ accountId: account.id, ...codeFrame(account, key, at) })
    cache.set(account.id, { account, key, frame })
    return frame
  }

  // Every set sent gets a higher seq than the last, above the ms clock so a restarted main outranks the old one.
  let seq = 0
  const nextSeq = () => (seq = Math.max(seq + 1, Math.floor(deps.now())))

  /** The frames at the code clock's now, computing at most `budget` that are not ready; `left` says how many were not. */
  function collect(budget: number): Readonly<{ set: CodeFrames; left: number }> {
    const at = codeTime()
    const out: CodeFrame[] = []
    const live = new Set<string>()
    let computed = 0
    let left = 0
    for (const account of deps.vault.accounts()) {
      live.add(account.id)
      const key = deps.vault.key(account.id)
      if (!key) {
        cache.delete(account.id)
        continue
      }
      const hit = cached(account, key, at)
      if (!hit && computed >= budget) {
        left++
        continue
      }
      if (!hit) computed++
      out.push(hit ?? compute(account, key, at))
    }
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id)
    return { set: { frames: out, correctionMs: deps.correctionMs(), seq: nextSeq() }, left }
  }

  const frames = (): CodeFrames => collect(Infinity).set

  function framesNow(): CodeFrames {
    const { set, left } = collect(REPLY_FRAMES_COMPUTED)
    if (left > 0) refresh()
    return set
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

  /** Accounts with a key whose frame must be computed at `at`. */
  function unready(at: number): string[] {
    return deps.vault.accounts().flatMap((a) => {
      const key = deps.vault.key(a.id)
      return key && !cached(a, key, at) ? [a.id] : []
    })
  }

  let warming: Promise<void> | null = null
  function warm(): Promise<void> {
    warming ??= (async () => {
      // Until none is left: accounts may come in, or a period end, while it runs.
      // Urgent: the codes on screen come before the checklist, the tray and the checks an import also sets off.
      // Cut by time: a frame is cheap (two HMACs), and 1,000 in 25s would take forty turns.
      for (let ids = unready(codeTime()); ids.length > 0; ids = unready(codeTime())) await mapInTimedSlices(ids, (id) => frameOf(id, codeTime()), { urgent: true })
    })().finally(() => (warming = null))
    return warming
  }

  let disposed = false
  function publish(): void {
    if (disposed) return
    changes.emit(frames())
    schedule()
  }

  /*
   * A few frames to compute: pushed at once. More (1,000 accounts just
   * imported, or a period boundary for them all): computed in slices
   * first, then pushed once, however many refreshes came meanwhile.
   */
  let publishing = false
  function refresh(): void {
    if (!warming && unready(codeTime()).length <= SLICE_ITEMS) return publish()
    if (publishing) return
    publishing = true
    void warm().then(() => {
      publishing = false
      publish()
    })
  }

  /** Why an existing account has no code right now, as the error the UI shows. */
  function noCode(id: string): ApiError {
    if (!deps.vault.get(id)) return apiError('not-found', 'That account does not exist.')
    const { state, keychainName } = deps.vault.status()
    return state === 'unavailable' || state === 'not-answering'
      ? apiError('keychain-unavailable', `The code is not available: the ${keychainName} cannot be reached.`)
      : apiError('keychain-locked', `The code is not available: the ${keychainName} is locked or its secret is missing.`)
  }
  const frameOrProblem = (id: string) => {
    const frame = frameOf(id, codeTime())
    return frame ? ok(frame) : err(noCode(id))
  }

  return {
    frames,
    framesNow,
    warm,
    frame: (id) => frameOf(id, codeTime()),
    frameOrProblem,
    code(id, which = 'current', nextBelowSeconds = 0) {
      const frame = frameOrProblem(id)
      if (!frame.ok) return frame
      if (which === 'expected') {
        return ok({ code: expectedCodeFor(deps.vault.get(id)!, deps.vault.key(id)!, deps.now(), deps.correctionMs(), trustedOffset()), which, secondsLeft: null })
      }
      return ok(chooseCode(frame.value, which, nextBelowSeconds, codeTime()))
    },
    around(id) {
      const account = deps.vault.get(id)
      const key = deps.vault.key(id)
      if (!account || !key) return err(noCode(id))
      return ok({ accountId: id, ...codesAroundFor(account, key, deps.now(), deps.correctionMs(), trustedOffset()) })
    },
    onChange: changes.onChange,
    refresh,
    dispose() {
      disposed = true
      if (timer !== null) clearTimer(timer)
      timer = null
    },
  }
}
