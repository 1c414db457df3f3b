import type { ApiError, CopyResult } from '../../shared/contract'
import { ok, type Result } from '../../shared/result'
import type { ClipboardGuard } from '../../shared/clipboard-guard'

export type Which = 'current' | 'next' | 'expected'

/** The code to copy, which one it is and how long it has left (the codes service chooses: `codes/code-choice.ts`). */
export type ChosenCode = Omit<CopyResult, 'clearAt'>

export type CopyCode = (accountId: string, which?: Which) => Promise<Result<CopyResult, ApiError>>

export type CopyCodeDeps = Readonly<{
  /** The code to copy now, computed in main, or why there is none; `nextBelowSeconds` is the "copy the next code instead" setting. */
  code: (accountId: string, which: Which, nextBelowSeconds: number) => Result<ChosenCode, ApiError>
  clipboard: ClipboardGuard
  /** The user's setting: seconds until the clipboard is cleared (0 = never). */
  clearAfterSeconds: () => number
  /** The user's setting: copy the next code when fewer than this many seconds are left (0 = off). */
  nextBelowSeconds: () => number
  /** After a copy: the account was just used (for "recently used" order). The copy has succeeded whatever this does. */
  used?: (accountId: string) => void
}>

/** Copies an account's code, for the window and the tray alike; the renderer never handles the code. */
export function createCopyCode(deps: CopyCodeDeps): CopyCode {
  return async (accountId, which = 'current') => {
    const chosen = deps.code(accountId, which, deps.nextBelowSeconds())
    if (!chosen.ok) return chosen
    const clearAt = await deps.clipboard.copy(chosen.value.code, deps.clearAfterSeconds())
    deps.used?.(accountId)
    return ok({ ...chosen.value, clearAt })
  }
}
