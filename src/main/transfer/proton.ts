import { err, ok, type Result } from '../../shared/result'
import { accountFromUri, buildAccount, inField, steamSecretText } from './account-fields'
import { readFields, type FieldReader } from './field-reader'
import { arrayField, displayName, isObject, numberField, parseJson, type JsonObject } from './json-read'
import type { ImportedAccount, ImportEntryError, ImportError, ImportResult } from './types'

/*
 * Proton Authenticator's export, as its shared Rust core writes it
 * (protonpass/proton-pass-common proton-authenticator/src/entry/exporter.rs):
 *   { version: 1, entries: [{ id, content: { uri, entry_type: "Totp" | "Steam", name }, note }] }
 * A TOTP entry's `uri` is an `otpauth://` URI; a Steam entry's is
 * `steam://<secret>` (base32, or base64 when Steam gave it so, steam/mod.rs).
 * `name` is the label (or the issuer when there is no label); it names the
 * account when the URI does not. Aegis reads it the same way
 * (importers/ProtonAuthenticatorImporter.java, test file proton_authenticator.json).
 *
 * A password-protected export is { version, salt, content } (password_exporter.rs),
 * keyed with Argon2id, which Node 20's crypto does not have: the user is asked
 * to export without a password instead.
 */

const VERSION = 1

export function looksLikeProton(doc: unknown): boolean {
  if (!isObject(doc) || typeof doc.version !== 'number') return false
  return Array.isArray(doc.entries) || (typeof doc.salt === 'string' && typeof doc.content === 'string')
}

export function importProton(text: string): Result<ImportResult, ImportError> {
  const parsed = parseJson(text)
  if (!parsed.ok || !looksLikeProton(parsed.value)) return err({ kind: 'bad-file', format: 'proton', message: 'This is not a Proton Authenticator export, or it is damaged.' })
  const doc = parsed.value as JsonObject
  const entries = arrayField(doc, 'entries')
  if (!entries) {
    return err({
      kind: 'unsupported-encryption',
      format: 'proton',
      message: 'This Proton Authenticator export is protected with a password, which SellerGuard cannot open. In Proton Authenticator, export again without a password, import that file, then delete it.',
    })
  }
  const version = numberField(doc, 'version') ?? 0
  if (version !== VERSION) {
    if (Number.isInteger(version) && version > VERSION) {
      return err({ kind: 'unsupported-version', format: 'proton', version, message: `This export was made by a newer Proton Authenticator (version ${version}), which SellerGuard cannot read yet.` })
    }
    return err({ kind: 'bad-file', format: 'proton', message: 'The Proton Authenticator export is damaged: its version number is wrong.' })
  }

  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  entries.forEach((entry, index) => {
    const content = isObject(entry) ? readFields(entry).object('content') : undefined
    if (!content) {
      errors.push({ index, message: 'The entry is damaged.' })
      return
    }
    const name = (content.string('name') ?? '').trim()
    const account = readContent(content, name)
    if (account.ok) accounts.push(account.value)
    else errors.push({ index, name: displayName(undefined, name), message: account.error })
  })
  return ok({ format: 'proton', accounts, errors, warnings: [] })
}

function readContent(content: FieldReader, name: string): Result<ImportedAccount, string> {
  const uri = (content.string('uri', { secret: true }) ?? '').trim()
  const entryType = content.string('entry_type')
  const problem = content.problem()
  if (problem !== null) return err(problem)
  const type = entryType ?? (uri.toLowerCase().startsWith('steam://') ? 'Steam' : 'Totp')
  if (type === 'Steam') {
    if (!uri.toLowerCase().startsWith('steam://')) return err('The Steam entry has no steam:// key.')
    return buildAccount({ type: 'steam', issuer: 'Steam', label: name, secret: steamSecretText(uri.slice('steam://'.length)) }, { secret: 'content.uri' })
  }
  if (type !== 'Totp') return err(`Proton "${type.slice(0, 20)}" entries are not supported.`)
  const account = accountFromUri(uri)
  if (!account.ok) return err(inField('content.uri', account.error))
  return ok(account.value.label === '' && name !== account.value.issuer ? { ...account.value, label: name } : account.value)
}
