import type { ApiError, CopyResult } from '../../shared/contract'
import { ok, type Result } from '../../shared/result'
import type { ClipboardGuard } from '../../shared/clipboard-guard'

export type Which = 'current' | 'next' | 'expected'

export type CopyCode = (accountId: string, which?: Which) => Promise<Result<CopyResult, ApiError>>

export type CopyCodeDeps = Readonly<{
  /** The code to copy now, computed in main, or why there is none. */
  code: (accountId: string, which: Which) => Result<string, ApiError>
  clipboard: ClipboardGuard
  /** The user's setting: seconds until the clipboard is cleared (0 = never). */
  clearAfterSeconds: () => number
}>

/** Copies an account's code, for the window and the tray alike; the renderer never handles the code. */
export function createCopyCode(deps: CopyCodeDeps): CopyCode {
  return async (accountId, which = 'current') => {
    const code = deps.code(accountId, which)
    if (!code.ok) return code
    return ok({ code: code.value, clearAt: await deps.clipboard.copy(code.value, deps.clearAfterSeconds()) })
  }
}
