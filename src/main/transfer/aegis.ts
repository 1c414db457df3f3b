import type { OtpType } from '../../shared/contract/accounts'
import { err, ok, type Result } from '../../shared/result'
import { buildAccount, readAlgorithm } from './account-fields'
import { unlockAegisVault } from './aegis-unlock'
import { readFields, type FieldReader } from './field-reader'
import { arrayField, displayName, isObject, numberField, parseJson, stringField, type JsonObject } from './json-read'
import type { ImportedAccount, ImportEntryError, ImportError, ImportOptions, ImportResult } from './types'

/*
 * Aegis Authenticator vaults (beemdevelopment/Aegis docs/vault.md):
 *   { version: 1, header: { slots, params }, db }
 * `db` is the content object when the vault is plain, or a base64 string
 * when encrypted (see aegis-unlock.ts). The content is
 *   { version: 1 | 2 | 3, entries: [...], groups?: [{ uuid, name }] }
 * Each entry has type, uuid, name (account), issuer, note, icon and
 * info { secret (base32), algo, digits, period | counter }. Groups: content
 * version 3 lists group UUIDs per entry (`groups`); older ones a single
 * group name (`group`) (VaultEntry.fromJson).
 */

/** The vault file format version we understand (VaultFile.VERSION). */
const FILE_VERSION = 1
/** The newest content version we understand (Vault.VERSION). */
const CONTENT_VERSION = 3

export function looksLikeAegis(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.header) && (isObject(doc.db) || typeof doc.db === 'string') && typeof doc.version === 'number'
}

export async function importAegis(text: string, options: ImportOptions = {}): Promise<Result<ImportResult, ImportError>> {
  const parsed = parseJson(text)
  if (!parsed.ok || !looksLikeAegis(parsed.value)) return err({ kind: 'bad-file', format: 'aegis', message: 'This is not an Aegis vault, or it is damaged.' })
  const doc = parsed.value as JsonObject
  const version = numberField(doc, 'version')
  if (version !== FILE_VERSION) return err(versionError(version, FILE_VERSION))

  let content: unknown = doc.db
  if (typeof content === 'string') {
    if (!options.password) return err({ kind: 'password-required', format: 'aegis', message: 'This Aegis vault is encrypted. Enter the password you use to unlock Aegis.' })
    const unlocked = await unlockAegisVault(doc, options.password)
    if (!unlocked.ok) return unlocked
    content = unlocked.value
  }
  if (!isObject(content)) return err({ kind: 'bad-file', format: 'aegis', message: 'The Aegis vault has no list of entries.' })
  return readContent(content)
}

function readContent(content: JsonObject): Result<ImportResult, ImportError> {
  const version = numberField(content, 'version')
  if (version === undefined || !Number.isInteger(version) || version < 1 || version > CONTENT_VERSION) return err(versionError(version, CONTENT_VERSION))
  const entries = arrayField(content, 'entries')
  if (!entries) return err({ kind: 'bad-file', format: 'aegis', message: 'The Aegis vault has no list of entries.' })
  const groups = groupNames(content)

  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  entries.forEach((entry, index) => {
    if (!isObject(entry)) {
      errors.push({ index, message: 'The entry is damaged.' })
      return
    }
    const fields = readFields(entry)
    const account = readEntry(fields, groups)
    if (account.ok) accounts.push(account.value)
    else errors.push({ index, name: displayName(stringField(entry, 'issuer'), stringField(entry, 'name')), message: account.error })
  })
  return ok({ format: 'aegis', accounts, errors, warnings: [] })
}

const TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam']

/** Where Aegis keeps each field (docs/vault.md), for error messages. */
const SOURCE_FIELDS = { issuer: 'issuer', label: 'name', secret: 'info.secret', digits: 'info.digits', period: 'info.period', counter: 'info.counter' } as const

function readEntry(entry: FieldReader, groups: ReadonlyMap<string, string>): Result<ImportedAccount, string> {
  const type = entry.string('type') ?? ''
  const info = entry.object('info')
  const secret = info?.string('secret', { secret: true })
  const algo = info?.string('algo') ?? 'SHA1'
  const loose = {
    issuer: entry.string('issuer'),
    label: entry.string('name'),
    digits: info?.number('digits'),
    period: info?.number('period'),
    counter: info?.number('counter'),
    group: groupOf(entry, groups),
  }
  const problem = entry.problem()
  if (problem !== null) return err(problem)
  const otpType = TYPES.find((known) => known === type)
  if (otpType === undefined) {
    // motp and yandex use other algorithms than HOTP/TOTP (docs/vault.md).
    return err(`Aegis "${type.slice(0, 20)}" entries are not supported; only TOTP, HOTP and Steam are.`)
  }
  if (secret === undefined) return err('The entry has no secret key.')
  const algorithm = readAlgorithm(algo)
  if (algorithm === null) return err(`The entry uses the ${algo.slice(0, 20)} algorithm, which is not supported.`)
  return buildAccount({ type: otpType, secret, algorithm, ...loose }, SOURCE_FIELDS)
}

/** Content version 3: uuid → name. */
function groupNames(content: JsonObject): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const group of arrayField(content, 'groups') ?? []) {
    if (!isObject(group)) continue
    const uuid = stringField(group, 'uuid')
    const name = stringField(group, 'name')
    if (uuid !== undefined && name !== undefined) names.set(uuid, name)
  }
  return names
}

/** Our accounts have one group: an entry in several Aegis groups keeps the first that has a name. */
function groupOf(entry: FieldReader, groups: ReadonlyMap<string, string>): string | undefined {
  const uuids = entry.array('groups')
  if (uuids) return uuids.map((uuid) => (typeof uuid === 'string' ? groups.get(uuid) : undefined)).find((name) => name !== undefined)
  return entry.string('group')
}

/** A newer version than we know is "unsupported"; a missing or nonsensical one means a damaged file. */
function versionError(version: number | undefined, newest: number): ImportError {
  if (version === undefined || !Number.isInteger(version) || version <= newest) {
    return { kind: 'bad-file', format: 'aegis', message: 'The Aegis vault is damaged: its version number is missing or wrong.' }
  }
  return {
    kind: 'unsupported-version',
    format: 'aegis',
    version,
    message: `This Aegis vault was made by a newer Aegis (format version ${version}), which SellerGuard cannot read yet.`,
  }
}
