import { apiError, OPEN_WHILE_LOCKED, type MethodName } from '../../shared/contract'
import { err } from '../../shared/result'
import type { Handlers } from '../core/dispatch'

const open: ReadonlySet<MethodName> = new Set(OPEN_WHILE_LOCKED)

/**
 * Every handler, with the app lock in front: while it is locked (or its
 * keychain item is damaged), only OPEN_WHILE_LOCKED answers; every other
 * method replies with a typed `locked` error before its service runs, so
 * nothing that gives a code or a secret can answer.
 */
export function whileLocked(handlers: Handlers, isLocked: () => boolean): Handlers {
  const guarded = { ...handlers } as Record<MethodName, (input: unknown) => unknown>
  for (const method of Object.keys(handlers) as MethodName[]) {
    if (open.has(method)) continue
    const handler = guarded[method]
    guarded[method] = (input) => (isLocked() ? err(apiError('locked', 'SellerGuard is locked. Unlock it with your password first.')) : handler(input))
  }
  return guarded as unknown as Handlers
}
