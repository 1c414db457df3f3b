import type { AccountRef, TextCheck } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import { normaliseKey, type NormalisedKey } from './base32'
import { DEFAULT_ALGORITHM, DEFAULT_DIGITS, DEFAULT_PERIOD, STEAM, type UriAccount } from './params'
import { describeLink, WHERE_THE_KEY_IS } from './not-a-key'
import { parseUri } from './uri'

export type ParsedAccountText = Readonly<{ source: 'key' | 'uri'; account: UriAccount; key: NormalisedKey }>
export type TextProblem = Readonly<{ message: string; position: number | null }>

/**
 * What the user pasted: an `otpauth://` URI (from a QR code or another app),
 * a `steam://` key, or the bare key Amazon shows under "Can't scan the
 * barcode?". Any other link (a web page's address) is refused as what it is. A bare key
 * is a standard TOTP account (SHA1, 6 digits, 30 s), which is what Amazon
 * and nearly every site use.
 */
export function parseAccountText(text: string): Result<ParsedAccountText, TextProblem> {
  if (/^\s*otpauth:/i.test(text)) {
    const parsed = parseUri(text)
    if (!parsed.ok) return err({ message: parsed.error.message, position: 'position' in parsed.error ? parsed.error.position : null })
    return ok({ source: 'uri', ...parsed.value })
  }
  if (/^\s*otpauth-migration:/i.test(text)) {
    return err({ message: 'This is a Google Authenticator export. Use Import to bring in its accounts.', position: 0 })
  }
  const steam = /^\s*steam:\/\//i.exec(text)
  if (steam) return parseSteamLink(text, steam[0].length)
  const link = describeLink(text)
  if (link) return err({ message: `This is ${link}, not an authenticator key. ${WHERE_THE_KEY_IS}`, position: text.search(/\S/) })
  const key = normaliseKey(text)
  if (!key.ok) return err({ message: key.error.message, position: key.error.position })
  return ok({
    source: 'key',
    key: key.value,
    account: { type: 'totp', issuer: '', label: '', algorithm: DEFAULT_ALGORITHM, digits: DEFAULT_DIGITS, period: DEFAULT_PERIOD, counter: 0 },
  })
}

/**
 * `steam://SECRET`, as Bitwarden and Proton Authenticator write a Steam
 * Guard key: the base32 secret of a Steam account (Steam fixes its digits,
 * algorithm and period), named "Steam" unless the user names it.
 */
function parseSteamLink(text: string, start: number): Result<ParsedAccountText, TextProblem> {
  const key = normaliseKey(text.slice(start))
  if (!key.ok) return err({ message: `After "steam://": ${key.error.message}`, position: key.error.position + start })
  return ok({ source: 'uri', key: key.value, account: { type: 'steam', issuer: 'Steam', label: '', algorithm: STEAM.algorithm, digits: STEAM.digits, period: STEAM.period, counter: 0 } })
}

/**
 * The as-you-type check the add-account form shows, with the accounts that
 * already hold the same key (`sameKeyAs` looks them up; imports flag these
 * too). Never returns the key.
 */
export function checkAccountText(text: string, sameKeyAs: (key: Uint8Array) => readonly AccountRef[] = () => []): TextCheck {
  const parsed = parseAccountText(text)
  if (!parsed.ok) return { valid: false, message: parsed.error.message, position: parsed.error.position }
  const { issuer, label, type, algorithm, digits, period, counter } = parsed.value.account
  return { valid: true, source: parsed.value.source, preview: { issuer, label, type, algorithm, digits, period, counter }, sameKeyAs: [...sameKeyAs(parsed.value.key.bytes)] }
}

/** A sensible kind for an issuer when the user did not pick one. */
export { guessKind } from '../../shared/amazon-guess'
