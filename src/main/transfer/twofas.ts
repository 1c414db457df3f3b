import type { OtpType } from '../../shared/contract/accounts'
import { err, ok, type Result } from '../../shared/result'
import { normaliseKey } from '../otp/base32'
import { accountFromUri, buildAccount, readAlgorithm } from './account-fields'
import { readFields, type FieldReader } from './field-reader'
import { arrayField, displayName, isObject, numberField, objectField, parseJson, stringField, type JsonObject } from './json-read'
import { decrypt2fasServices } from './twofas-decrypt'
import type { ImportedAccount, ImportEntryError, ImportError, ImportOptions, ImportResult } from './types'

/*
 * 2FAS Authenticator backups (.2fas), read from the apps' own models:
 * twofas/2fas-android data/services domain/BackupContent.kt + BackupService.kt
 * (CurrentSchema = 4; schema 3 → 4 in commit e97f1a10, Nov 2023) and
 * twofas/2fas-ios Data/MainRepository/DataTypes/ExchangeData.swift (schemas 1
 * and 2) and ExchangeData2.swift (3 and 4), ImportFromFileInteractor+Parsers.swift.
 *
 *   { schemaVersion, appOrigin, appVersionCode, services: [...], groups: [{ id, name }],
 *     servicesEncrypted?: "…:…:…", reference?: "…:…:…" }
 *   service = { name, secret, otp: { account, issuer, label, digits, period,
 *               algorithm, counter, tokenType, link, source }, order: { position }, groupId }
 *
 * What each schema carries (every otp field is optional in the apps' models):
 *   1 — otp { account, issuer, label }: no digits/period/algorithm, so 6 digits,
 *       30 s, SHA1; no tokenType, so TOTP (Aegis test file 2fas_authenticator.json).
 *   2 — adds otp digits, period, algorithm; still no tokenType: 2FAS then
 *       stored every account as TOTP, so an HOTP account comes out as TOTP
 *       with period 30 (shared fixtures 2fas_authenticator_plain.2fas).
 *   3 — adds otp tokenType (TOTP | HOTP | STEAM), counter and source; label is "Issuer:account".
 *   4 — adds otp link (the otpauth:// URI); label is just the account. The
 *       iOS model notes the secret may then be replaced (e.g. "[hidden]") as
 *       the link has it, so the secret is taken from the link when `secret` is not a key.
 * Groups live outside the encrypted part in every schema; a service names its group by `groupId`.
 * The issuer is the service `name` (what 2FAS shows and lets the user edit),
 * else otp.issuer, as Aegis's TwoFASImporter does; a name equal to the
 * account with an empty otp.issuer means no issuer (twofas-export.ts).
 */

const NEWEST_SCHEMA = 4

export function looksLike2fas(doc: unknown): boolean {
  return isObject(doc) && typeof doc.schemaVersion === 'number' && (Array.isArray(doc.services) || typeof doc.servicesEncrypted === 'string')
}

export async function import2fas(text: string, options: ImportOptions = {}): Promise<Result<ImportResult, ImportError>> {
  const parsed = parseJson(text)
  if (!parsed.ok || !looksLike2fas(parsed.value)) return err({ kind: 'bad-file', format: '2fas', message: 'This is not a 2FAS backup, or it is damaged.' })
  const doc = parsed.value as JsonObject
  const schema = numberField(doc, 'schemaVersion') ?? 0
  if (!Number.isInteger(schema) || schema < 1) return err({ kind: 'bad-file', format: '2fas', message: 'The 2FAS backup is damaged: its version number is wrong.' })
  if (schema > NEWEST_SCHEMA) {
    return err({ kind: 'unsupported-version', format: '2fas', version: schema, message: `This backup was made by a newer 2FAS (schema ${schema}), which SellerGuard cannot read yet.` })
  }

  let services: unknown = doc.services
  const encrypted = stringField(doc, 'servicesEncrypted')
  if (encrypted !== undefined && encrypted !== '') {
    if (!options.password) return err({ kind: 'password-required', format: '2fas', message: 'This 2FAS backup is encrypted. Enter the password you chose when making it.' })
    const decrypted = await decrypt2fasServices(encrypted, stringField(doc, 'reference'), options.password)
    if (!decrypted.ok) return decrypted
    services = decrypted.value
  }
  if (!Array.isArray(services)) return err({ kind: 'bad-file', format: '2fas', message: 'The 2FAS backup has no list of services.' })
  return ok(readServices(services, groupNames(doc)))
}

function readServices(services: readonly unknown[], groups: ReadonlyMap<string, string>): ImportResult {
  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  // 2FAS lists services by their `order.position` (it sorts them so on import).
  const ordered = services.map((service, index) => ({ service, index })).sort((a, b) => position(a.service) - position(b.service))
  for (const { service, index } of ordered) {
    if (!isObject(service)) {
      errors.push({ index, message: 'The service is damaged.' })
      continue
    }
    const fields = readFields(service)
    const names = namesOf(fields)
    const account = readService(fields, names, groups)
    if (account.ok) accounts.push(account.value)
    else errors.push({ index, name: displayName(names.issuer, names.label), message: account.error })
  }
  return { format: '2fas', accounts, errors, warnings: [] }
}

const TOKEN_TYPES: Readonly<Record<string, OtpType>> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' }

/** Where 2FAS keeps each field (BackupContent.kt), for error messages. */
const SOURCE_FIELDS = { issuer: 'name', label: 'otp.account', secret: 'secret', digits: 'otp.digits', period: 'otp.period', counter: 'otp.counter' } as const

function readService(service: FieldReader, names: Names, groups: ReadonlyMap<string, string>): Result<ImportedAccount, string> {
  const otp = service.object('otp') ?? readFields({}, 'otp')
  const tokenType = otp.string('tokenType') ?? 'TOTP'
  const algo = otp.string('algorithm') ?? 'SHA1'
  const groupId = service.string('groupId')
  const loose = { digits: otp.number('digits'), period: otp.number('period'), counter: otp.number('counter'), secret: secretOf(service, otp) }
  const problem = service.problem()
  if (problem !== null) return err(problem)
  const type = TOKEN_TYPES[tokenType.toUpperCase()]
  if (type === undefined) return err(`2FAS "${tokenType.slice(0, 20)}" tokens are not supported; only TOTP, HOTP and Steam are.`)
  const algorithm = readAlgorithm(algo)
  if (algorithm === null) return err(`The service uses the ${algo.slice(0, 20)} algorithm, which is not supported.`)
  return buildAccount({ type, ...names, ...loose, algorithm, group: groupId === undefined ? undefined : groups.get(groupId) }, SOURCE_FIELDS)
}

type Names = Readonly<{ issuer: string; label: string }>

function namesOf(service: FieldReader): Names {
  const otp = service.object('otp') ?? readFields({}, 'otp')
  const otpIssuer = (otp.string('issuer') ?? '').trim()
  const name = (service.string('name') ?? '').trim()
  const account = otp.string('account')
  // 2FAS needs a name, so a service with an empty issuer may be named after its account (SellerGuard's export does): no issuer then.
  const namedAfterAccount = otpIssuer === '' && otp.string('issuer') !== undefined && name === account?.trim()
  const issuer = namedAfterAccount ? '' : name || otpIssuer
  if (account !== undefined) return { issuer, label: account }
  // Schemas 1–3 also write label = "Issuer:account"; drop that prefix when only the label is there.
  const label = otp.string('label') ?? ''
  const prefix = [otpIssuer, issuer].find((candidate) => candidate !== '' && label.startsWith(`${candidate}:`))
  return { issuer, label: prefix === undefined ? label : label.slice(prefix.length + 1) }
}

/** `secret`, or the key inside `otp.link` when `secret` is not a key (schema 4, see above). */
function secretOf(service: FieldReader, otp: FieldReader): string {
  const secret = service.string('secret', { secret: true }) ?? ''
  const link = otp.string('link', { secret: true })
  if (normaliseKey(secret).ok || link === undefined) return secret
  const fromLink = accountFromUri(link)
  return fromLink.ok ? fromLink.value.secret : secret
}

function groupNames(doc: JsonObject): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const group of arrayField(doc, 'groups') ?? []) {
    if (!isObject(group)) continue
    const id = stringField(group, 'id')
    const name = stringField(group, 'name')
    if (id !== undefined && name !== undefined) names.set(id, name)
  }
  return names
}

function position(service: unknown): number {
  const order = isObject(service) ? objectField(service, 'order') : undefined
  return (order && numberField(order, 'position')) ?? Number.MAX_SAFE_INTEGER
}
