import { err } from '../../../shared/result'
import { encodeBase32 } from '../../otp/base32'
import { buildAccount } from '../account-fields'
import { decodeHex } from '../encoding'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields, type FieldReader } from '../field-reader'
import { displayName, isObject, parseJson } from '../json-read'
import type { ImportResult } from '../types'

/*
 * Authy has no export. Its tokens can be taken out only by community tools,
 * and this reads what they leave, already decrypted:
 *  - the Android app's preference files (rooted phones; the form Aegis reads,
 *    beemdevelopment/Aegis v3.4.2 importers/AuthyImporter.java):
 *    com.authy.storage.tokens.authenticator.xml and …tokens.authy.xml, whose
 *    "….key" string is a JSON array of tokens;
 *  - the JSON of Authy-iOS-MiTM's decrypt.py (AlexTech01/Authy-iOS-MiTM and
 *    its fork BrenoFariasdaSilva/Authy-iOS-MiTM at 273e3c0):
 *    { decrypted_authenticator_tokens: [{ account_type, name, issuer,
 *      decrypted_seed, digits, logo, unique_id }] };
 *  - a bare JSON array of the app's token objects.
 * Authenticator tokens: base32 `decryptedSecret` (or `decryptedSeed`,
 * `decrypted_seed`), TOTP, SHA1, 30 s, 6–8 digits. Authy's own tokens (for
 * apps using Authy itself): hex `secretSeed`, 10 s, usually 7 digits.
 * Tokens that are still encrypted (`encryptedSecret`, `encrypted_seed`)
 * need the tool's decryption step first.
 */

export const AUTHY_PREF_KEYS = ['com.authy.storage.tokens.authenticator.key', 'com.authy.storage.tokens.authy.key'] as const

export function looksLikeAuthy(doc: unknown): boolean {
  if (isObject(doc)) return Array.isArray(doc.decrypted_authenticator_tokens) || Array.isArray(doc.authenticator_tokens)
  return Array.isArray(doc) && doc.length > 0 && doc.every((token) => isObject(token) && ('decryptedSecret' in token || 'secretSeed' in token || 'encryptedSecret' in token || 'decryptedSeed' in token))
}

export function importAuthy(doc: unknown): ImportResult {
  return collectEntries('authy', tokensOf(doc), readToken)
}

/** The token arrays in an Authy preferences file (already read by readAndroidPrefs). */
export function authyTokensFromPrefs(prefs: ReadonlyMap<string, string>): unknown[] | null {
  const arrays = AUTHY_PREF_KEYS.map((key) => prefs.get(key)).filter((value): value is string => value !== undefined)
  if (arrays.length === 0) return null
  return arrays.flatMap((text) => {
    const parsed = parseJson(text)
    return parsed.ok && Array.isArray(parsed.value) ? parsed.value : [null]
  })
}

function tokensOf(doc: unknown): readonly unknown[] {
  if (Array.isArray(doc)) return doc
  if (!isObject(doc)) return []
  const tokens = doc.decrypted_authenticator_tokens ?? doc.authenticator_tokens
  return Array.isArray(tokens) ? tokens : []
}

const AUTHY_APP_PERIOD = 10

function readToken(item: unknown): EntryOutcome {
  if (!isObject(item)) return { account: err('The token is damaged.') }
  const fields = readFields(item)
  const names = namesOf(fields)
  const name = displayName(names.issuer, names.label)
  const base32 = fields.string('decryptedSecret', { secret: true }) ?? fields.string('decryptedSeed', { secret: true }) ?? fields.string('decrypted_seed', { secret: true })
  const hex = fields.string('secretSeed', { secret: true })
  const digits = fields.number('digits')
  const encrypted = 'encryptedSecret' in item || 'encrypted_seed' in item
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  if (hex !== undefined) {
    const key = decodeHex(hex.trim())
    if (key === null || key.length === 0) return { name, account: err('Field "secretSeed": it is not hexadecimal.') }
    return { name, account: buildAccount({ type: 'totp', ...names, secret: encodeBase32(key), digits: digits ?? 7, period: AUTHY_APP_PERIOD }, { digits: 'digits' }) }
  }
  if (base32 === undefined) {
    return { name, account: err(encrypted ? 'The token is still encrypted: run the export tool\'s decryption step (with your Authy backup password) first.' : 'The token has no secret.') }
  }
  if (base32.startsWith('Decryption failed')) return { name, account: err('The export tool could not decrypt this token (it says "Decryption failed": was the backup password right?).') }
  return { name, account: buildAccount({ type: 'totp', ...names, secret: base32, ...(digits === undefined ? {} : { digits }) }, { secret: 'decrypted seed', digits: 'digits' }) }
}

/**
 * Issuer and account name as Aegis's AuthyImporter works them out: the
 * original issuer, else the part of originalName before ":", else of name
 * before " - ", else the capitalised account type; that issuer is then cut
 * from the front of the name. Authy's own tokens are named by `name` alone.
 */
function namesOf(fields: FieldReader): { issuer: string; label: string } {
  const nameField = fields.string('name') ?? ''
  if (fields.value.secretSeed !== undefined) return { issuer: nameField, label: '' }
  const originalName = fields.string('originalName') ?? fields.string('original_name') ?? ''
  const accountType = fields.string('accountType') ?? fields.string('account_type') ?? ''
  const given = fields.string('originalIssuer') ?? fields.string('issuer') ?? ''
  let issuer = given
  let separator = ''
  if (issuer === '' && originalName.includes(':')) [issuer, separator] = [originalName.slice(0, originalName.indexOf(':')), ':']
  else if (issuer === '' && nameField.includes(' - ')) [issuer, separator] = [nameField.slice(0, nameField.indexOf(' - ')), ' - ']
  else if (issuer === '' && accountType !== '') issuer = accountType.charAt(0).toUpperCase() + accountType.slice(1)
  let label = nameField.startsWith(issuer + separator) && issuer !== '' ? nameField.slice((issuer + separator).length) : nameField
  if (label.startsWith(': ')) label = label.slice(2)
  if (label === issuer) label = ''
  return { issuer: issuer.trim(), label: label.trim() }
}

