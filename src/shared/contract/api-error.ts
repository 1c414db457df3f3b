import type { ApiError, ApiErrorKind } from './errors'

/**
 * Every error that crosses the boundary, as data. Electron rewrites the
 * message of a thrown error, so nothing relies on throws across IPC.
 */
export const API_ERROR_KINDS = [
  /** The request did not match the contract's schema; nothing happened. */
  'invalid-request',
  /** No such method in the contract. */
  'unknown-method',
  /** A bug on the main side; the stack is logged there, not sent. */
  'internal',
  /** The thing named by id does not exist (any more). */
  'not-found',
  /** User input that is well-formed but wrong (bad key, bad URI, …). */
  'invalid-input',
  /** The OS keychain is locked: reads come back empty without an error. */
  'keychain-locked',
  /** No OS keychain could be reached (no Secret Service provider, …). */
  'keychain-unavailable',
  /** A file could not be read or written. */
  'io',
  /** The network could not be used (every NTP server failed, …). */
  'network',
  /** SellerGuard's own app lock is on and locked: nothing that gives a code or a secret answers until it is unlocked. */
  'locked',
  /** The app password was wrong (the lock's status says how many tries are left before a wait). */
  'wrong-password',
  /** Too many wrong passwords: wait until the lock's `retryAt` before trying again. */
  'retry-later',
  /** The renderer lost its connection to main (web mode's socket closed). */
  'disconnected',
  /** Web mode's server runs but did not let this tab in: it was opened without the printed link, or with a spent one. */
  'not-admitted',
  /** The user stopped it (an import's Cancel); nothing of it was kept. */
  'cancelled',
] as const

export function apiError(kind: ApiErrorKind, message: string, extra: Omit<ApiError, 'kind' | 'message'> = {}): ApiError {
  return { kind, message, ...extra }
}
