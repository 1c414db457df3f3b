import { STEAM_DIGITS, type AccountSummary, type HashAlgorithm } from '../../shared/contract'

/** What code generation needs to know about an account (never the secret). */
export type OtpParams = Readonly<Pick<AccountSummary, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>>

/** What an `otpauth://` URI carries besides the secret. */
export type UriAccount = Readonly<Pick<AccountSummary, 'type' | 'issuer' | 'label' | 'algorithm' | 'digits' | 'period' | 'counter'>>

/** Digits of a code when a link does not say (the limits are the contract's `MIN_DIGITS` and `MAX_DIGITS`). */
export const DEFAULT_DIGITS = 6

/** The Key URI Format's default, and RFC 4226's only algorithm. */
export const DEFAULT_ALGORITHM: HashAlgorithm = 'SHA1'

/** TOTP step in seconds (RFC 6238 section 5.2 recommends 30). */
export const DEFAULT_PERIOD = 30
/**
 * Steam Guard codes: HMAC-SHA1 over the 30 s TOTP counter, dynamically
 * truncated as in RFC 4226 section 5.3, then written as 5 characters of this
 * 26-letter alphabet (no vowels or lookalikes), least significant first.
 * Steam's servers fix all of it, so a URI cannot change it.
 */
export const STEAM = Object.freeze({
  digits: STEAM_DIGITS,
  period: 30,
  algorithm: 'SHA1',
  alphabet: '23456789BCDFGHJKMNPQRTVWXY',
} as const)
