import type { AccountSummary, HashAlgorithm } from '../../shared/contract/accounts'

/** What code generation needs to know about an account (never the secret). */
export type OtpParams = Readonly<Pick<AccountSummary, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>>

/** What an `otpauth://` URI carries besides the secret. */
export type UriAccount = Readonly<Pick<AccountSummary, 'type' | 'issuer' | 'label' | 'algorithm' | 'digits' | 'period' | 'counter'>>

/**
 * Digits of a TOTP/HOTP code. RFC 4226 section 5.3 requires at least 6; 8 is
 * the most RFC 6238 appendix A shows, and Google's Key URI Format allows 6 or 8
 * (7 appears in the wild, e.g. in Aegis's test vectors).
 */
export const MIN_DIGITS = 6
export const MAX_DIGITS = 8
export const DEFAULT_DIGITS = 6

/** The Key URI Format's default, and RFC 4226's only algorithm. */
export const DEFAULT_ALGORITHM: HashAlgorithm = 'SHA1'

/** TOTP step in seconds (RFC 6238 section 5.2 recommends 30). */
export const DEFAULT_PERIOD = 30
/**
 * Longest step we accept, in seconds: one hour, the contract's limit. Longer
 * steps make a code live for hours, which no real service uses.
 */
export const MAX_PERIOD = 3600

/** Longest issuer or label we keep, in characters: the contract's limit. */
export const MAX_NAME_LENGTH = 200

/**
 * Steam Guard codes: HMAC-SHA1 over the 30 s TOTP counter, dynamically
 * truncated as in RFC 4226 section 5.3, then written as 5 characters of this
 * 26-letter alphabet (no vowels or lookalikes), least significant first.
 * Steam's servers fix all of it, so a URI cannot change it.
 */
export const STEAM = Object.freeze({
  digits: 5,
  period: 30,
  algorithm: 'SHA1',
  alphabet: '23456789BCDFGHJKMNPQRTVWXY',
} as const)
