import { normaliseKey } from '../otp/base32'
import type { ImportedAccount } from './types'

/** What every export to another app's format is given: the accounts with their secrets. */
export type ExportOptions = Readonly<{
  /** Required unless `plain` is true. */
  password?: string
  /** Write every secret unencrypted. Only when the user explicitly chose it. */
  plain?: boolean
}>

export type ExportError =
  | Readonly<{ kind: 'password-required'; message: string }>
  | Readonly<{ kind: 'invalid-account'; index: number; message: string }>
  /** The key derivation could not run (out of memory). */
  | Readonly<{ kind: 'key-derivation-failed'; message: string }>

/** The first account whose secret is not a valid key, as the error an export returns; null when all are. */
export function invalidAccount(accounts: readonly ImportedAccount[]): ExportError | null {
  const index = accounts.findIndex((account) => !normaliseKey(account.secret).ok)
  return index < 0 ? null : { kind: 'invalid-account', index, message: `Account ${index + 1} has no valid secret key, so it cannot be exported.` }
}

export function keyDerivationFailed(): ExportError {
  return { kind: 'key-derivation-failed', message: 'The password could not be turned into a key (the computer may be short of memory). Try again.' }
}
