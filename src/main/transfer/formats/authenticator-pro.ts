import type { OtpType } from '../../../shared/contract/accounts'
import { err } from '../../../shared/result'
import { buildAccount } from '../account-fields'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields } from '../field-reader'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportResult } from '../types'

/*
 * Authenticator Pro (now Stratum) backups, as jamie-mh/AuthenticatorPro
 * v1.0.2 (commit 5072813, Oct 2024) writes them: Stratum.Core/src/Backup/Backup.cs,
 * Entity/Authenticator.cs, Entity/Category.cs, Entity/AuthenticatorCategory.cs,
 * AuthenticatorType.cs, Generator/HashAlgorithm.cs. The plain backup is JSON:
 *   { Authenticators: [{ Type, Icon, Issuer, Username, Secret (base32), Pin,
 *     Algorithm, Digits, Period, Counter, Ranking, CopyCount }],
 *     Categories: [{ Id, Name, Ranking }],
 *     AuthenticatorCategories: [{ CategoryId, AuthenticatorSecret, Ranking }], CustomIcons }
 * Type: 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex (mOTP and Yandex use other
 * algorithms and are refused). Algorithm: 0 SHA1, 1 SHA256, 2 SHA512. An
 * account's first category becomes its group. Encrypted backups: see
 * authenticator-pro-decrypt.ts.
 */

export function looksLikeAuthenticatorPro(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.Authenticators)
}

const TYPES: Readonly<Record<number, OtpType>> = { 1: 'hotp', 2: 'totp', 4: 'steam' }
const UNSUPPORTED: Readonly<Record<number, string>> = { 3: 'mOTP', 5: 'Yandex' }
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const

export function importAuthenticatorPro(doc: JsonObject): ImportResult {
  const groups = groupsBySecret(doc)
  const items = Array.isArray(doc.Authenticators) ? doc.Authenticators : []
  return collectEntries('authenticator-pro', items, (item) => readAuthenticator(item, groups))
}

function readAuthenticator(item: unknown, groups: ReadonlyMap<string, string>): EntryOutcome {
  if (!isObject(item)) return { account: err('The entry is damaged.') }
  const fields = readFields(item)
  const issuer = fields.string('Issuer') ?? ''
  const label = fields.string('Username') ?? ''
  const name = displayName(issuer, label)
  const typeNumber = fields.number('Type')
  const algorithmNumber = fields.number('Algorithm') ?? 0
  const secret = fields.string('Secret', { secret: true }) ?? ''
  const loose = { issuer, label, secret, digits: fields.number('Digits'), period: fields.number('Period'), counter: fields.number('Counter'), group: groups.get(secret) }
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  if (typeNumber === undefined) return { name, account: err('Field "Type": the entry does not say what kind of code it is.') }
  const type = TYPES[typeNumber]
  if (type === undefined) return { name, account: err(`Field "Type": ${UNSUPPORTED[typeNumber] ?? `type ${typeNumber}`} entries are not supported; only TOTP, HOTP and Steam are.`) }
  const algorithm = ALGORITHMS[algorithmNumber]
  if (algorithm === undefined) return { name, account: err(`Field "Algorithm": ${algorithmNumber} is not one of 0 (SHA1), 1 (SHA256), 2 (SHA512).`) }
  return { name, account: buildAccount({ type, algorithm, ...loose }, { secret: 'Secret', digits: 'Digits', period: 'Period', counter: 'Counter', issuer: 'Issuer', label: 'Username' }) }
}

/** Category names by account secret (AuthenticatorCategory links them by the secret). */
function groupsBySecret(doc: JsonObject): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const category of Array.isArray(doc.Categories) ? doc.Categories : []) {
    if (isObject(category) && typeof category.Id === 'string' && typeof category.Name === 'string') names.set(category.Id, category.Name)
  }
  const bindings = (Array.isArray(doc.AuthenticatorCategories) ? doc.AuthenticatorCategories : []).filter(isObject)
  const groups = new Map<string, string>()
  for (const binding of [...bindings].sort((a, b) => Number(a.Ranking ?? 0) - Number(b.Ranking ?? 0))) {
    const name = typeof binding.CategoryId === 'string' ? names.get(binding.CategoryId) : undefined
    if (name !== undefined && typeof binding.AuthenticatorSecret === 'string' && !groups.has(binding.AuthenticatorSecret)) groups.set(binding.AuthenticatorSecret, name)
  }
  return groups
}
