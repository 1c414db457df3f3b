import type { ClipboardGuard } from '../../../../shared/clipboard-guard'
import { apiError, type ApiError, type CodeFrame, type CopyResult } from '../../contract'
import type { Result } from '../../../../shared/result'

/**
 * Web mode's copy: the code on screen goes straight to the browser's
 * clipboard. `writeText` is called before anything is awaited, so it runs
 * inside the user's click, which browsers require. The clipboard is cleared
 * later by the same rule as main's (only if it still holds the code), and
 * only where the browser lets the page read it back. A refused write is an
 * error, never a "Copied".
 */
export async function copyInPage(guard: ClipboardGuard | 'unavailable', frame: CodeFrame | undefined, which: 'current' | 'next', clearAfterS: number): Promise<Result<CopyResult, ApiError>> {
  const code = which === 'next' ? frame?.nextCode : frame?.code
  if (!code) return { ok: false, error: apiError('not-found', 'There is no code to copy for this account right now.') }
  if (guard === 'unavailable') return { ok: false, error: notCopied('this page has no clipboard access (open it at the 127.0.0.1 address SellerGuard printed)') }
  try {
    return { ok: true, value: { code, clearAt: await guard.copy(code, clearAfterS) } }
  } catch (error) {
    return { ok: false, error: notCopied(error instanceof Error ? error.message : String(error)) }
  }
}

function notCopied(reason: string): ApiError {
  return apiError('io', `The code was not copied: the browser refused (${reason}). Select the code and copy it yourself.`)
}
