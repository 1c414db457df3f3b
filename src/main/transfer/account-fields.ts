import { MAX_DIGITS, MAX_NAME_LENGTH, MAX_PERIOD, MIN_DIGITS, type HashAlgorithm, type OtpType } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { encodeBase32, normaliseKey, type KeyError } from '../otp/base32'
import { DEFAULT_PERIOD, STEAM } from '../otp/params'
import { parseUri } from '../otp/uri'
import { decodeBase64Loose } from './encoding'
import type { ImportedAccount } from './types'

/*
 * Turns the loose fields of a foreign export into an `ImportedAccount`,
 * applying the same limits as an `otpauth://` URI (src/main/otp/uri.ts), so an
 * imported account is never something the add-account form would refuse.
 * Errors are one plain-language sentence about that entry.
 */

/** Fields as read from a file: numbers and names may be missing. */
export type LooseAccount = Readonly<{
  type: OtpType
  issuer?: string
  label?: string
  /** Base32 text in any case, with or without spaces and padding. */
  secret: string
  algorithm?: HashAlgorithm
  digits?: number
  period?: number
  counter?: number
  group?: string
}>

const ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512']

/** "SHA1", "sha-256", "HmacSHA512"… to ours; `null` for anything else (MD5, SHA224, SHA384…). */
export function readAlgorithm(value: string): HashAlgorithm | null {
  const name = value.trim().toUpperCase().replace(/^HMAC/, '').replace('-', '')
  return ALGORITHMS.find((algorithm) => algorithm === name) ?? null
}

/**
 * The names the source format gives the fields, so an error can say which
 * one is wrong ("info.digits"); fields not named are described in plain words only.
 */
export type SourceFields = Partial<Readonly<Record<'issuer' | 'label' | 'secret' | 'digits' | 'period' | 'counter', string>>>

/** Prefixes a message with the source field it is about, when the importer named it. */
export function inField(field: string | undefined, message: string): string {
  return field === undefined ? message : `Field "${field.slice(0, 60)}": ${message}`
}

/** Checks and completes the fields; defaults are the Key URI Format's (SHA1, 6 digits, 30 s). */
export function buildAccount(input: LooseAccount, fields: SourceFields = {}): Result<ImportedAccount, string> {
  const issuer = (input.issuer ?? '').trim()
  const label = (input.label ?? '').trim()
  if (issuer.length > MAX_NAME_LENGTH) return err(inField(fields.issuer, `The issuer is longer than ${MAX_NAME_LENGTH} characters.`))
  if (label.length > MAX_NAME_LENGTH) return err(inField(fields.label, `The account name is longer than ${MAX_NAME_LENGTH} characters.`))
  const key = normaliseKey(input.secret)
  if (!key.ok) return err(inField(fields.secret, keyProblem(key.error)))
  // Re-encoding drops stray low bits of the last character, so equal keys compare equal.
  const secret = encodeBase32(key.value.bytes)
  const group = input.group?.trim().slice(0, 100) || undefined
  const names = group === undefined ? { issuer, label } : { issuer, label, group }

  if (input.type === 'steam') {
    // Steam fixes these (see STEAM in otp/params.ts); whatever the file says is ignored.
    return ok({ ...names, type: 'steam', secret, algorithm: STEAM.algorithm, digits: STEAM.digits, period: STEAM.period, counter: 0 })
  }
  const digits = input.digits ?? 6
  if (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS) {
    return err(inField(fields.digits, `Codes of ${String(digits)} digits are not supported; codes have ${MIN_DIGITS} to ${MAX_DIGITS} digits.`))
  }
  const algorithm = input.algorithm ?? 'SHA1'
  if (input.type === 'totp') {
    const period = input.period ?? DEFAULT_PERIOD
    if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) {
      return err(inField(fields.period, `A code period of ${String(period)} seconds is not supported; it must be a whole number from 1 to ${MAX_PERIOD}.`))
    }
    return ok({ ...names, type: 'totp', secret, algorithm, digits, period, counter: 0 })
  }
  const counter = input.counter ?? 0
  if (!Number.isSafeInteger(counter) || counter < 0) return err(inField(fields.counter, `The counter ${String(counter)} is not a whole number of 0 or more.`))
  return ok({ ...names, type: 'hotp', secret, algorithm, digits, period: DEFAULT_PERIOD, counter })
}

/** An `otpauth://` URI as an imported account (the same rules as pasting it). */
export function accountFromUri(text: string, group?: string): Result<ImportedAccount, string> {
  const parsed = parseUri(text)
  if (!parsed.ok) return err(parsed.error.kind === 'bad-secret' ? keyProblem(parsed.error.keyError) : parsed.error.message)
  const { account, key } = parsed.value
  const base: ImportedAccount = { ...account, secret: encodeBase32(key.bytes) }
  const trimmedGroup = group?.trim().slice(0, 100)
  return ok(trimmedGroup ? { ...base, group: trimmedGroup } : base)
}

/**
 * Why a key was refused, without quoting any of it: import errors may be
 * shown in lists or logged, and even one character is part of a secret.
 */
export function keyProblem(error: KeyError): string {
  switch (error.kind) {
    case 'empty':
      return 'The account has no secret key.'
    case 'bad-character':
      return 'The secret key is not valid: it has characters keys never contain (keys use only A–Z and 2–7).'
    case 'padding-in-middle':
      return 'The secret key is not valid: it has "=" in the middle.'
    case 'too-short':
      return `The secret key is too short: it has only ${error.length} characters, and a key has at least ${error.minimum} (80 bits).`
    case 'invalid-length':
      return `The secret key is not valid: ${error.length} characters cannot be a whole key.`
    case 'too-long':
      return `The secret key is too long: it has ${error.length} characters, and SellerGuard accepts at most ${error.maximum}.`
  }
}

/**
 * A Steam shared secret as apps write it: base32 (Aegis, Bitwarden's
 * `steam://`), or base64 as Steam itself issues it (Proton Authenticator keeps
 * either, proton-pass-common proton-authenticator/src/steam/mod.rs). Returns base32 text.
 */
export function steamSecretText(text: string): string {
  const trimmed = text.trim()
  if (normaliseKey(trimmed).ok) return trimmed
  const bytes = /[a-z0-9+/=]/i.test(trimmed) ? decodeBase64Loose(trimmed) : null
  return bytes && bytes.length > 0 ? encodeBase32(bytes) : trimmed
}
