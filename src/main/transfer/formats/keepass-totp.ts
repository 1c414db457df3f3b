import type { HashAlgorithm } from '../../../shared/contract/accounts'
import { err, type Result } from '../../../shared/result'
import { encodeBase32 } from '../../otp/base32'
import { accountFromUri, buildAccount, inField, readAlgorithm, type LooseAccount } from '../account-fields'
import { decodeBase64Loose, decodeHex } from '../encoding'
import type { ImportedAccount } from '../types'
import type { KdbxEntry } from '../worker/protocol'

/*
 * Where KeePass entries keep a one-time code, in the order KeePassXC 2.7.4
 * reads them (keepassxreboot/keepassxc 2.7.4 src/core/Entry.cpp updateTotp,
 * src/totp/totp.cpp parseSettings), then KeePass 2.47+'s own fields
 * (keepass.info help/base/placeholders.html#otp):
 *  1. "TOTP Settings" + "TOTP Seed" (KeePassXC's legacy fields): settings
 *     "step;digits", or "step;S" for Steam; fewer parts mean 30 s, 6 digits.
 *  2. "otp": an otpauth:// URI (KeePassXC's own format, with encoder=steam
 *     for Steam), or KeeOtp's "key=…&size=…&step=…&otpHashMode=…" (also read
 *     with digits=/period=/algorithm=, as other tools write it).
 *  3. "TimeOtp-Secret-Base32" | "-Hex" | "-Base64" | "TimeOtp-Secret" (UTF-8),
 *     with "TimeOtp-Length", "-Period", "-Algorithm" (HMAC-SHA-1/-256/-512);
 *     or "HmacOtp-Secret…" with "HmacOtp-Counter" (HOTP, 6 digits).
 * KeePassXC clamps digits to 1–10 and steps to 1–60 s; here a value outside
 * what codes may have is an error naming the field instead.
 * An entry with none of these is not an authenticator account (`null`).
 */

export function totpOfEntry(entry: KdbxEntry): Result<ImportedAccount, string> | null {
  const names = { issuer: entry.title, label: entry.username, ...(entry.path.length > 0 ? { group: entry.path.join('/') } : {}) }
  const fields = entry.fields
  if (fields['TOTP Settings'] !== undefined) return legacy(fields['TOTP Settings'], fields['TOTP Seed'] ?? '', names)
  const otp = fields.otp?.trim()
  if (otp !== undefined && otp !== '') return otp.toLowerCase().startsWith('otpauth://') ? fromUri(otp, names) : keeOtp(otp, names)
  return keePassOtp(fields, names)
}

type Names = Readonly<{ issuer: string; label: string; group?: string }>

function legacy(settings: string, seed: string, names: Names): Result<ImportedAccount, string> {
  const [step, digits] = settings.split(';').map((part) => part.trim())
  const fieldNames = { secret: 'TOTP Seed', digits: 'TOTP Settings', period: 'TOTP Settings' }
  if (digits === 'S') return buildAccount({ type: 'steam', ...names, secret: seed }, fieldNames)
  if (digits === undefined) return buildAccount({ type: 'totp', ...names, secret: seed }, fieldNames)
  const period = wholeNumber(step)
  const size = wholeNumber(digits)
  if (period === null || size === null) return err(inField('TOTP Settings', `"${settings.slice(0, 20)}" is not "seconds;digits" (e.g. "30;6") or "30;S".`))
  return buildAccount({ type: 'totp', ...names, secret: seed, period, digits: size }, fieldNames)
}

function fromUri(uri: string, names: Names): Result<ImportedAccount, string> {
  const account = accountFromUri(uri, names.group)
  if (!account.ok) return err(inField('otp', account.error))
  // As for Bitwarden and 1Password: the URI names the account as its service does; the entry fills what it leaves out.
  return { ok: true, value: { ...account.value, issuer: account.value.issuer || names.issuer, label: account.value.label || names.label } }
}

function keeOtp(text: string, names: Names): Result<ImportedAccount, string> {
  const query = new URLSearchParams(text)
  const key = query.get('key')
  if (key === null) return err(inField('otp', 'it is neither an otpauth:// link nor "key=…" settings.'))
  const size = query.get('size') ?? query.get('digits')
  const step = query.get('step') ?? query.get('period')
  const mode = query.get('otpHashMode') ?? query.get('algorithm')
  const algorithm = mode === null ? 'SHA1' : readAlgorithm(mode)
  if (algorithm === null) return err(inField('otp', `the algorithm ${mode?.slice(0, 20)} is not supported.`))
  const loose: LooseAccount = { type: 'totp', ...names, secret: key, algorithm, ...numbers({ digits: size, period: step }) }
  if (loose.digits !== undefined && Number.isNaN(loose.digits)) return err(inField('otp', `size "${size?.slice(0, 10)}" is not a whole number.`))
  if (loose.period !== undefined && Number.isNaN(loose.period)) return err(inField('otp', `step "${step?.slice(0, 10)}" is not a whole number.`))
  return buildAccount(loose, { secret: 'otp', digits: 'otp', period: 'otp' })
}

const KEEPASS_ALGORITHMS: Readonly<Record<string, HashAlgorithm>> = { 'HMAC-SHA-1': 'SHA1', 'HMAC-SHA-256': 'SHA256', 'HMAC-SHA-512': 'SHA512' }

function keePassOtp(fields: Readonly<Record<string, string>>, names: Names): Result<ImportedAccount, string> | null {
  for (const kind of ['TimeOtp', 'HmacOtp'] as const) {
    const secret = keePassSecret(fields, kind)
    if (secret === null) continue
    if (!secret.ok) return secret
    if (kind === 'HmacOtp') {
      const counter = fields['HmacOtp-Counter'] === undefined ? 0 : wholeNumber(fields['HmacOtp-Counter'])
      if (counter === null) return err(inField('HmacOtp-Counter', 'it is not a whole number.'))
      return buildAccount({ type: 'hotp', ...names, secret: secret.value, counter }, { counter: 'HmacOtp-Counter' })
    }
    const algorithmName = fields['TimeOtp-Algorithm']?.trim()
    const algorithm = algorithmName === undefined ? 'SHA1' : KEEPASS_ALGORITHMS[algorithmName.toUpperCase()]
    if (algorithm === undefined) return err(inField('TimeOtp-Algorithm', `${algorithmName?.slice(0, 20)} is not HMAC-SHA-1, HMAC-SHA-256 or HMAC-SHA-512.`))
    const { digits, period } = numbers({ digits: fields['TimeOtp-Length'] ?? null, period: fields['TimeOtp-Period'] ?? null })
    if (Number.isNaN(digits)) return err(inField('TimeOtp-Length', 'it is not a whole number.'))
    if (Number.isNaN(period)) return err(inField('TimeOtp-Period', 'it is not a whole number.'))
    return buildAccount({ type: 'totp', ...names, secret: secret.value, algorithm, digits, period }, { digits: 'TimeOtp-Length', period: 'TimeOtp-Period' })
  }
  return null
}

/** KeePass's secret in whichever encoding the entry has it, as base32. */
function keePassSecret(fields: Readonly<Record<string, string>>, kind: 'TimeOtp' | 'HmacOtp'): Result<string, string> | null {
  const base32 = fields[`${kind}-Secret-Base32`]
  if (base32 !== undefined) return { ok: true, value: base32 }
  const decoders: readonly (readonly [string, (text: string) => Uint8Array | null])[] = [
    [`${kind}-Secret-Hex`, (text) => decodeHex(text.replace(/\s/g, ''))],
    [`${kind}-Secret-Base64`, decodeBase64Loose],
    [`${kind}-Secret`, (text) => new Uint8Array(Buffer.from(text, 'utf8'))],
  ]
  for (const [name, decode] of decoders) {
    const text = fields[name]
    if (text === undefined) continue
    const bytes = decode(text.trim())
    return bytes === null || bytes.length === 0 ? err(inField(name, 'it cannot be read as a key in that encoding.')) : { ok: true, value: encodeBase32(bytes) }
  }
  return null
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null
}

/** Present numbers parsed (NaN when not a whole number), absent ones left out. */
function numbers(values: Readonly<{ digits: string | null; period: string | null }>): { digits?: number; period?: number } {
  const out: { digits?: number; period?: number } = {}
  if (values.digits !== null) out.digits = wholeNumber(values.digits) ?? Number.NaN
  if (values.period !== null) out.period = wholeNumber(values.period) ?? Number.NaN
  return out
}
