import { err, ok, type Result } from '../../shared/result'
import { accountFromUri, buildAccount, inField, steamSecretText } from './account-fields'
import { readFields } from './field-reader'
import { arrayField, displayName, isObject, parseJson, stringField, type JsonObject } from './json-read'
import type { ImportedAccount, ImportEntryError, ImportError, ImportResult } from './types'

/*
 * Bitwarden's JSON export, unencrypted ("File format: .json"):
 *   { encrypted: false, folders: [{ id, name }], items: [{ type, name, folderId, login: { username, totp } }] }
 * `login.totp` is what Bitwarden's authenticator key field holds: an
 * `otpauth://` URI, `steam://<base32 secret>` for Steam Guard, or a bare
 * base32 key (Bitwarden then uses TOTP, SHA1, 6 digits, 30 s). Items without
 * a key are passwords only and are skipped without an error. The item's
 * folder becomes the group. (Bitwarden help "Export vault data";
 * beemdevelopment/Aegis importers/BitwardenImporter.java.)
 *
 * An encrypted export ("encrypted": true, whether "account restricted" or
 * "password protected") uses Bitwarden's own key hierarchy and KDF; we do not
 * open it: the user is asked to export unencrypted JSON instead.
 */

export function looksLikeBitwarden(doc: unknown): boolean {
  return isObject(doc) && (Array.isArray(doc.items) || (typeof doc.encrypted === 'boolean' && ('encKeyValidation_DO_NOT_EDIT' in doc || 'passwordProtected' in doc)))
}

export function importBitwarden(text: string): Result<ImportResult, ImportError> {
  const parsed = parseJson(text)
  if (!parsed.ok || !looksLikeBitwarden(parsed.value)) return err({ kind: 'bad-file', format: 'bitwarden', message: 'This is not a Bitwarden export, or it is damaged.' })
  const doc = parsed.value as JsonObject
  if (doc.encrypted === true) {
    return err({
      kind: 'unsupported-encryption',
      format: 'bitwarden',
      message: 'This Bitwarden export is encrypted. In Bitwarden, export again choosing the ".json" format (not ".json (Encrypted)"), import that file, then delete it.',
    })
  }
  const folders = folderNames(doc)
  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  ;(arrayField(doc, 'items') ?? []).forEach((item, index) => {
    if (!isObject(item)) return
    const fields = readFields(item)
    const login = fields.object('login')
    const totp = login?.string('totp', { secret: true })
    // Items without a key are passwords only (or notes, cards…): not ours to import.
    if (fields.problem() === null && (totp === undefined || totp.trim() === '')) return
    const names = { issuer: (fields.string('name') ?? '').trim(), label: (login?.string('username') ?? '').trim() }
    const folderId = fields.string('folderId')
    const problem = fields.problem()
    if (problem !== null || totp === undefined) {
      errors.push({ index, name: displayName(names.issuer, names.label), message: problem ?? 'The item has no key.' })
      return
    }
    const account = readBitwardenTotp(totp.trim(), names, folderId === undefined ? undefined : folders.get(folderId))
    if (account.ok) accounts.push(account.value)
    else errors.push({ index, name: displayName(names.issuer, names.label), message: inField('login.totp', account.error) })
  })
  return ok({ format: 'bitwarden', accounts, errors, warnings: [] })
}

type Names = Readonly<{ issuer: string; label: string }>

/** The item's name and username fill in what the key text does not say. */
export function readBitwardenTotp(totp: string, item: Names, group: string | undefined): Result<ImportedAccount, string> {
  const lower = totp.toLowerCase()
  if (lower.startsWith('otpauth://')) {
    const account = accountFromUri(totp, group)
    if (!account.ok) return account
    const { issuer, label } = account.value
    return ok({ ...account.value, issuer: issuer || item.issuer, label: label || item.label })
  }
  if (lower.startsWith('steam://')) {
    return buildAccount({ type: 'steam', issuer: item.issuer || 'Steam', label: item.label, secret: steamSecretText(totp.slice('steam://'.length)), group })
  }
  return buildAccount({ type: 'totp', ...item, secret: totp, group })
}

function folderNames(doc: JsonObject): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const folder of arrayField(doc, 'folders') ?? []) {
    if (!isObject(folder)) continue
    const id = stringField(folder, 'id')
    const name = stringField(folder, 'name')
    if (id !== undefined && name !== undefined) names.set(id, name)
  }
  return names
}
