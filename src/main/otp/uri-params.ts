import { MAX_DIGITS, MAX_PERIOD, MIN_DIGITS, type HashAlgorithm } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { UriError } from './uri-error'

/*
 * Parsers for the numeric and enumerated parameters of Google's Key URI Format
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format).
 * Each takes the decoded value and the URI index where it starts.
 */

const ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512']

/** Plain decimal digits only: no sign, exponent, fraction or spaces. */
const DECIMAL = /^[0-9]{1,16}$/

/** `algorithm`: SHA1, SHA256 or SHA512, any case (RFC 6238 section 1.2); `SHA-256` is accepted too. */
export function parseAlgorithm(value: string, position: number): Result<HashAlgorithm, UriError> {
  const name = value.trim().toUpperCase().replace('-', '')
  const found = ALGORITHMS.find((algorithm) => algorithm === name)
  if (found) return ok(found)
  return err({
    kind: 'bad-algorithm',
    position,
    value,
    message: `The link asks for the algorithm "${value}", which authenticator codes do not use: only SHA1, SHA256 and SHA512 are supported.`,
  })
}

/** `digits`: 6 to 8 (RFC 4226 section 5.3 asks for at least 6). */
export function parseDigits(value: string, position: number): Result<number, UriError> {
  const digits = DECIMAL.test(value) ? Number(value) : NaN
  if (digits >= MIN_DIGITS && digits <= MAX_DIGITS) return ok(digits)
  return err({
    kind: 'bad-digits',
    position,
    value,
    message: `The link asks for codes of "${value}" digits; codes have ${MIN_DIGITS} to ${MAX_DIGITS} digits.`,
  })
}

/** `period`: the TOTP step in seconds, 1 to `MAX_PERIOD` (RFC 6238 section 4.1 calls it X). */
export function parsePeriod(value: string, position: number): Result<number, UriError> {
  const period = DECIMAL.test(value) ? Number(value) : NaN
  if (period >= 1 && period <= MAX_PERIOD) return ok(period)
  return err({
    kind: 'bad-period',
    position,
    value,
    message: `The link gives a code period of "${value}" seconds; a period is a whole number from 1 to ${MAX_PERIOD} seconds (usually 30).`,
  })
}

/** `counter`: the HOTP moving factor (RFC 4226 section 5.2), a whole number from 0 to 2^53 - 1. */
export function parseCounter(value: string, position: number): Result<number, UriError> {
  const counter = DECIMAL.test(value) ? Number(value) : NaN
  if (Number.isSafeInteger(counter)) return ok(counter)
  return err({
    kind: 'bad-counter',
    position,
    value,
    message: `The link gives the counter "${value}"; a counter is a whole number of 0 or more.`,
  })
}
