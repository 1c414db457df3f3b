import type { ClipboardGuard } from '../../../../shared/clipboard-guard'
import { apiError, type ApiError, type CopyResult } from '../../contract'
import type { Result } from '../../../../shared/result'

/**
 * Web mode's copy: a code goes straight to the browser's clipboard. For the
 * code on screen `writeText` is called before anything is awaited, so it
 * runs inside the user's click, which some browsers require; a code main
 * computes (the one a site expects on the true time) is written when it
 * arrives, a few ms later, still within the click's activation. The
 * clipboard is cleared later by the same rule as main's (only if it still
 * holds the code), and only where the browser lets the page read it back.
 * A refused write is an error, never a "Copied".
 */
export async function copyInPage(
  guard: ClipboardGuard | 'unavailable',
  code: Omit<CopyResult, 'clearAt'> | undefined | Promise<Result<CopyResult, ApiError>>,
  clearAfterS: number,
): Promise<Result<CopyResult, ApiError>> {
  if (guard === 'unavailable') return { ok: false, error: notCopied('this page has no clipboard access (open it at the 127.0.0.1 address SellerGuard printed)') }
  let chosen: Omit<CopyResult, 'clearAt'> | undefined
  if (code instanceof Promise) {
    const computed = await code
    if (!computed.ok) return computed
    chosen = computed.value
  } else chosen = code
  if (!chosen?.code) return { ok: false, error: apiError('not-found', 'There is no code to copy for this account right now.') }
  try {
    return { ok: true, value: { ...chosen, clearAt: await guard.copy(chosen.code, clearAfterS) } }
  } catch (error) {
    return { ok: false, error: notCopied(error instanceof Error ? error.message : String(error)) }
  }
}

function notCopied(reason: string): ApiError {
  return apiError('io', `The code was not copied: the browser refused (${reason}). Select the code and copy it yourself.`)
}
