import type { OtpType } from '../../../shared/contract/accounts'
import { err } from '../../../shared/result'
import { encodeBase32 } from '../../otp/base32'
import { buildAccount, readAlgorithm } from '../account-fields'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields, type FieldReader } from '../field-reader'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportResult } from '../types'

/*
 * FreeOTP+'s JSON export (helloworld1/FreeOTPPlus at 92e9b4d, Feb 2025:
 * token-data legacy/SavedTokens.kt, legacy/Token.java, MigrationUtil.kt,
 * OtpTokenFactory.kt):
 *   { tokens: [{ algo, counter, digits, issuerExt, issuerInt, issuerAlt,
 *                label, labelAlt, period, secret, type: TOTP | HOTP }], tokenOrder: ["issuer:label", …] }
 * `secret` is the raw key as Java bytes: a list of signed numbers −128…127.
 * The names shown are issuerAlt, else issuerExt, else issuerInt, and
 * labelAlt, else label (Token.getIssuer/getLabel). FreeOTP+ stores an HOTP
 * counter one below the next code's (a URI's counter − 1; toUri writes it
 * back + 1), so the account's counter is the stored one + 1. An issuer of
 * "Steam" makes FreeOTP+ show Steam codes. Tokens come in `tokenOrder`'s
 * order, by their id "issuerInt:label" (Token.getID); tokens it does not
 * list follow (FreeOTP+ itself would drop them).
 */

export function looksLikeFreeOtpPlus(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.tokens) && (Array.isArray(doc.tokenOrder) || doc.tokens.some((token) => isObject(token) && 'issuerExt' in token))
}

const TYPES: Readonly<Record<string, OtpType>> = { TOTP: 'totp', HOTP: 'hotp' }

export function importFreeOtpPlus(doc: JsonObject): ImportResult {
  const tokens = Array.isArray(doc.tokens) ? doc.tokens : []
  return collectEntries('freeotp-plus', ordered(tokens, Array.isArray(doc.tokenOrder) ? doc.tokenOrder : []), readToken)
}

function ordered(tokens: readonly unknown[], order: readonly unknown[]): unknown[] {
  const rank = new Map<string, number>()
  order.forEach((id, index) => {
    if (typeof id === 'string' && !rank.has(id)) rank.set(id, index)
  })
  const position = (token: unknown) => rank.get(idOf(token)) ?? Number.MAX_SAFE_INTEGER
  return tokens.map((token, index) => ({ token, index })).sort((a, b) => position(a.token) - position(b.token) || a.index - b.index).map(({ token }) => token)
}

function idOf(token: unknown): string {
  if (!isObject(token)) return ''
  const label = typeof token.label === 'string' ? token.label : ''
  const issuer = [token.issuerInt, token.issuerExt].find((value): value is string => typeof value === 'string' && value !== '')
  return issuer === undefined ? label : `${issuer}:${label}`
}

function readToken(item: unknown): EntryOutcome {
  if (!isObject(item)) return { account: err('The token is damaged.') }
  const fields = readFields(item)
  const issuer = firstText(fields, ['issuerAlt', 'issuerExt', 'issuerInt'])
  const label = fields.string('labelAlt') ?? fields.string('label') ?? ''
  const name = displayName(issuer, label)
  const typeName = fields.string('type') ?? ''
  const algo = fields.string('algo') ?? 'SHA1'
  const secret = secretOf(fields)
  const loose = { issuer, label, digits: fields.number('digits'), period: fields.number('period'), counter: fields.number('counter') }
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  const type = TYPES[typeName.toUpperCase()]
  if (type === undefined) return { name, account: err(`Field "type": FreeOTP+ "${typeName.slice(0, 20)}" tokens are not supported; only TOTP and HOTP are.`) }
  const algorithm = readAlgorithm(algo)
  if (algorithm === null) return { name, account: err(`Field "algo": ${algo.slice(0, 20)} is not supported.`) }
  const steam = type === 'totp' && issuer === 'Steam'
  const counter = type === 'hotp' && loose.counter !== undefined ? loose.counter + 1 : loose.counter
  return { name, account: buildAccount({ ...loose, counter, type: steam ? 'steam' : type, secret, algorithm }, { secret: 'secret', digits: 'digits', period: 'period', counter: 'counter' }) }
}

function firstText(fields: FieldReader, keys: readonly string[]): string {
  for (const key of keys) {
    const value = fields.string(key)
    if (value !== undefined && value !== '') return value
  }
  return ''
}

/** The key from its signed bytes, as base32 ('' when it is not a list of bytes: buildAccount then reports it). */
function secretOf(fields: FieldReader): string {
  const bytes = fields.array('secret', { secret: true })
  if (bytes === undefined) return ''
  if (!bytes.every((byte) => Number.isInteger(byte) && (byte as number) >= -128 && (byte as number) <= 255)) {
    fields.fail('The field "secret" must be a list of bytes (whole numbers from -128 to 127).')
    return ''
  }
  return encodeBase32(new Uint8Array(bytes.map((byte) => (byte as number) & 0xff)))
}
