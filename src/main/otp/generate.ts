import { HOTP, Secret } from 'otpauth'
import type { CodeFrame } from '../../shared/contract/codes'
import { STEAM, type OtpParams } from './params'
import { steamCharacters } from './steam'

/*
 * Code generation. Every function takes the key as bytes (decoded once, by
 * the caller) and the time as a parameter, so the caller decides which clock
 * codes use (system or corrected) and tests can pin it.
 */

/** A code frame as the contract sends it, before the account id is attached. */
export type CodeFrameBody = Omit<CodeFrame, 'accountId'>

/**
 * RFC 4226 section 5.3 HOTP code for `counter` (the 8-byte moving factor,
 * a non-negative safe integer), `digits` long, with the HMAC of `algorithm`.
 */
export function hotpCode(params: Pick<OtpParams, 'algorithm' | 'digits'>, key: Uint8Array, counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError(`HOTP counter must be a non-negative integer, got ${counter}`)
  return HOTP.generate({ secret: toSecret(key), algorithm: params.algorithm, digits: params.digits, counter })
}

/**
 * RFC 6238 section 4.2 TOTP code at `timestampMs` (ms since the Unix epoch):
 * HOTP with counter T = floor(seconds / period). `period` is in seconds.
 */
export function totpCode(params: Pick<OtpParams, 'algorithm' | 'digits' | 'period'>, key: Uint8Array, timestampMs: number): string {
  return hotpCode(params, key, timeStep(params.period, timestampMs))
}

/** Steam Guard code at `timestampMs` (ms since the Unix epoch): 5 characters, 30 s steps. */
export function steamCode(key: Uint8Array, timestampMs: number): string {
  return steamCodeForStep(key, timeStep(STEAM.period, timestampMs))
}

/**
 * RFC 6238 section 4.2: T = floor((unix seconds - T0) / X) with T0 = 0.
 * `periodS` in seconds, `timestampMs` in ms since the epoch (not before it).
 */
export function timeStep(periodS: number, timestampMs: number): number {
  if (!Number.isFinite(timestampMs) || timestampMs < 0) throw new RangeError(`timestamp must be ms since the epoch, got ${timestampMs}`)
  if (!Number.isSafeInteger(periodS) || periodS < 1) throw new RangeError(`period must be a positive whole number of seconds, got ${periodS}`)
  return Math.floor(timestampMs / 1000 / periodS)
}

/**
 * What main pushes to the renderer for one account at `nowMs` (ms since the
 * epoch): this period's code and the next, `periodStart` in ms and `period`
 * in seconds. HOTP: the code at the account's counter, `nextCode` null, and
 * 0 for both times (HOTP codes do not expire).
 */
export function codeFrame(params: OtpParams, key: Uint8Array, nowMs: number): CodeFrameBody {
  if (params.type === 'hotp') return { code: hotpCode(params, key, params.counter), nextCode: null, periodStart: 0, period: 0 }
  const period = periodOf(params)
  const step = timeStep(period, nowMs)
  return { code: codeForStep(params, key, step), nextCode: codeForStep(params, key, step + 1), periodStart: step * period * 1000, period }
}

/** TOTP and Steam codes for time step `step` (TOTP is HOTP over the step, RFC 6238 section 4.2). */
export function codeForStep(params: OtpParams, key: Uint8Array, step: number): string {
  return params.type === 'steam' ? steamCodeForStep(key, step) : hotpCode(params, key, step)
}

function steamCodeForStep(key: Uint8Array, step: number): string {
  // With 10 digits, HOTP's final "mod 10^digits" keeps the whole 31-bit truncated value
  // (2^31 < 10^10), so otpauth does the HMAC and truncation and we only change the alphabet.
  const truncated = Number(hotpCode({ algorithm: STEAM.algorithm, digits: 10 }, key, step))
  return steamCharacters(truncated)
}

/** Seconds per step: the account's period, or Steam's fixed 30. */
export function periodOf(params: OtpParams): number {
  return params.type === 'steam' ? STEAM.period : params.period
}

/**
 * otpauth's Secret wraps a whole buffer. A key that fills its buffer is
 * wrapped without copying (the Secret lives only for this call and is only
 * read); a view into a larger buffer, such as a Node Buffer from the shared
 * pool, is copied so the offset is not lost. (`new Uint8Array(view)` copies;
 * `Buffer#slice` would not.)
 */
function toSecret(key: Uint8Array): Secret {
  const whole = key.byteOffset === 0 && key.byteLength === key.buffer.byteLength
  return new Secret({ buffer: whole ? key.buffer : new Uint8Array(key).buffer })
}
