import { MAX_NAME_LENGTH, type OtpType } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { normaliseKey, type NormalisedKey } from './base32'
import { DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, STEAM, type UriAccount } from './params'
import { percentDecode, percentEncode as encode } from './percent'
import { badEscape, type UriError } from './uri-error'
import { parseAlgorithm, parseCounter, parseDigits, parsePeriod } from './uri-params'
import { readQuery, type KnownParameter, type Parameter } from './uri-query'

/*
 * Google's Key URI Format (https://github.com/google/google-authenticator/wiki/Key-Uri-Format):
 *   otpauth://TYPE/LABEL?PARAMETERS      LABEL = accountname | issuer (":" | "%3A") *"%20" accountname
 * plus `otpauth://steam/` (Aegis) and `encoder=steam` (KeePassXC) for Steam Guard.
 */

/** A parsed URI: the account's settings and its key. */
export type ParsedUri = Readonly<{ account: UriAccount; key: NormalisedKey }>

const SCHEME = 'otpauth://'
const TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam']

/**
 * Parses an `otpauth://` URI (from a QR code, a paste or an export). Never throws.
 *
 * Issuer: the spec says the label prefix and the `issuer` parameter should be
 * equal. When they differ the parameter wins, as the spec describes for newer
 * implementations (only older ones rely on the label prefix), and the account
 * name is still taken from the label. Issuer and label are trimmed.
 *
 * Type: `otpauth://steam/`, or TOTP whose issuer is "Steam" (any case) or that
 * has `encoder=steam`, gives a Steam account; Steam's digits, algorithm and
 * period are fixed, so those parameters are ignored for it. Parameters that do
 * not apply to the type (`counter` for TOTP, `period` for HOTP) are ignored too.
 * HOTP accounts get period 30, which the contract requires but nothing uses.
 */
export function parseUri(input: string): Result<ParsedUri, UriError> {
  const lead = input.length - input.trimStart().length
  const text = input.trim()
  if (text === '') return err({ kind: 'empty', message: 'No link was entered.' })
  if (text.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return err(notOtpauth(text, lead))

  // RFC 3986 section 3: the type is the authority, ended by "/", "?" or "#"; the label is the path.
  const typeEnd = indexOfAny(text, '/?#', SCHEME.length)
  const type = text.slice(SCHEME.length, typeEnd).toLowerCase()
  if (!isOtpType(type)) {
    const shown = text.slice(SCHEME.length, typeEnd)
    return err({ kind: 'unknown-type', position: lead + SCHEME.length, type: shown, message: `The link is for "${shown}" codes; only totp, hotp and steam links are supported.` })
  }
  const end = indexOfAny(text, '#', typeEnd)
  const queryAt = indexOfAny(text, '?', typeEnd, end)
  const labelStart = text.charAt(typeEnd) === '/' ? typeEnd + 1 : typeEnd
  const label = percentDecode(text.slice(labelStart, queryAt), lead + labelStart, false)
  if (!label.ok) return err(badEscape(label.error.position))
  const params = readQuery(text.slice(queryAt + 1, end), lead + queryAt + 1)
  if (!params.ok) return err(params.error)
  return buildAccount(type, label.value.text, lead + labelStart, params.value)
}

/**
 * The canonical URI for an account: `otpauth://TYPE/Issuer:Account?secret=…&issuer=…&algorithm=…&digits=…&period=…`
 * (`counter=` instead of `period=` for HOTP), every name percent-encoded, so
 * `parseUri` gives back the same account. `base32` is `NormalisedKey.base32`.
 * Steam accounts use `otpauth://steam/` as Aegis does. A TOTP account whose
 * issuer is "Steam" comes back as a Steam account (see `parseUri`).
 */
export function formatUri(account: UriAccount, base32: string): string {
  const issuer = account.issuer.trim()
  const label = account.label.trim()
  // Without an issuer, a colon in the account would be read as the separator: an empty prefix keeps it.
  const path = issuer !== '' || label.includes(':') ? `${encode(issuer)}:${encode(label)}` : encode(label)
  const query = [`secret=${base32}`]
  if (issuer !== '') query.push(`issuer=${encode(issuer)}`)
  if (account.type === 'steam') {
    query.push(`algorithm=${STEAM.algorithm}`, `digits=${STEAM.digits}`, `period=${STEAM.period}`)
  } else {
    query.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`)
    query.push(account.type === 'hotp' ? `counter=${account.counter}` : `period=${account.period}`)
  }
  return `${SCHEME}${account.type}/${path}?${query.join('&')}`
}

function buildAccount(type: OtpType, labelText: string, labelAt: number, params: ReadonlyMap<KnownParameter, Parameter>): Result<ParsedUri, UriError> {
  const secret = params.get('secret')
  if (!secret) return err({ kind: 'missing-secret', message: 'The link has no secret key (no "secret=" part), so no codes can be made from it.' })
  const key = normaliseKey(secret.value.text)
  if (!key.ok) {
    const position = secret.value.sources[key.error.position] ?? secret.position + secret.value.text.length
    return err({ kind: 'bad-secret', position, keyError: key.error, message: `The secret key in the link is not valid. In the key: ${key.error.message}` })
  }

  const issuerParam = params.get('issuer')
  const issuerValue = issuerParam?.value.text.trim() ?? ''
  const names = splitLabel(labelText, issuerValue)
  const issuer = issuerValue !== '' ? issuerValue : names.issuer
  if (names.label.length > MAX_NAME_LENGTH) return err(tooLong('label', labelAt))
  if (issuer.length > MAX_NAME_LENGTH) return err(tooLong('issuer', issuerValue !== '' && issuerParam ? issuerParam.position : labelAt))

  const encoder = params.get('encoder')?.value.text.trim().toLowerCase()
  if (type === 'steam' || (type === 'totp' && (issuer.toLowerCase() === 'steam' || encoder === 'steam'))) {
    const account: UriAccount = { type: 'steam', issuer, label: names.label, algorithm: STEAM.algorithm, digits: STEAM.digits, period: STEAM.period, counter: 0 }
    return ok({ account, key: key.value })
  }

  const algorithm = optional(params.get('algorithm'), parseAlgorithm, DEFAULT_ALGORITHM)
  if (!algorithm.ok) return algorithm
  const digits = optional(params.get('digits'), parseDigits, DEFAULT_DIGITS)
  if (!digits.ok) return digits
  const base = { issuer, label: names.label, algorithm: algorithm.value, digits: digits.value }
  if (type === 'totp') {
    const period = optional(params.get('period'), parsePeriod, DEFAULT_PERIOD)
    if (!period.ok) return period
    return ok({ account: { ...base, type, period: period.value, counter: 0 }, key: key.value })
  }
  // Key URI Format: "counter - REQUIRED if type is hotp".
  const counterParam = params.get('counter')
  if (!counterParam) return err({ kind: 'missing-counter', message: 'The link is for counter-based (HOTP) codes but has no "counter=" value.' })
  const counter = parseCounter(counterParam.value.text, counterParam.position)
  if (!counter.ok) return counter
  return ok({ account: { ...base, type, period: DEFAULT_PERIOD, counter: counter.value }, key: key.value })
}

/** Splits `Issuer:Account`. A label starting with the issuer parameter plus ":" splits there, so an issuer may contain ":". */
function splitLabel(label: string, issuerParam: string): Readonly<{ issuer: string; label: string }> {
  if (issuerParam !== '' && label.startsWith(`${issuerParam}:`)) return { issuer: issuerParam, label: label.slice(issuerParam.length + 1).trim() }
  const colon = label.indexOf(':')
  if (colon < 0) return { issuer: '', label: label.trim() }
  return { issuer: label.slice(0, colon).trim(), label: label.slice(colon + 1).trim() }
}

function optional<T>(param: Parameter | undefined, parse: (value: string, position: number) => Result<T, UriError>, fallback: T): Result<T, UriError> {
  return param ? parse(param.value.text, param.position) : ok(fallback)
}

function indexOfAny(text: string, chars: string, from: number, end = text.length): number {
  for (let i = from; i < end; i++) if (chars.includes(text.charAt(i))) return i
  return end
}

function isOtpType(value: string): value is OtpType {
  return (TYPES as readonly string[]).includes(value)
}

function notOtpauth(text: string, lead: number): UriError {
  const message = text.toLowerCase().startsWith('otpauth-migration:')
    ? 'This is a Google Authenticator export link (otpauth-migration://); use Import to read it.'
    : 'This is not an authenticator link: it should start with "otpauth://".'
  return { kind: 'not-otpauth', position: lead, message }
}

function tooLong(field: 'issuer' | 'label', position: number): UriError {
  return { kind: 'name-too-long', position, field, message: `The ${field === 'issuer' ? 'issuer' : 'account name'} in the link is longer than ${MAX_NAME_LENGTH} characters.` }
}
