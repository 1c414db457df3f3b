import { err, ok, type Result } from '../../../shared/result'
import { buildAccount, readAlgorithm } from '../account-fields'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields } from '../field-reader'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportError, ImportResult } from '../types'

/*
 * LastPass Authenticator's JSON export (Settings → Transfer accounts →
 * export), as Authenticator Pro's converter reads it (jamie-mh/AuthenticatorPro
 * v1.0.2 Stratum.Core/src/Converter/LastPassBackupConverter.cs, test file
 * Stratum.Test/data/lastpass.json):
 *   { deviceId, deviceSecret, localDeviceId, deviceName, version: 3,
 *     accounts: [{ accountID, issuerName, originalIssuerName, userName,
 *       originalUserName, pushNotification, secret (base32), timeStep, digits,
 *       creationTimestamp, isFavorite, algorithm, folderData: { folderId, position } }],
 *     folders: [{ id, name, isOpened }] }
 * All accounts are TOTP. An account without an issuer shows its user name as
 * the issuer. Folder 0 ("Other accounts") is no folder; the rest become groups.
 */

const VERSION = 3

export function looksLikeLastPass(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.accounts) && ('localDeviceId' in doc || 'deviceSecret' in doc || doc.accounts.some((a) => isObject(a) && 'timeStep' in a))
}

export function importLastPass(doc: JsonObject): Result<ImportResult, ImportError> {
  const version = doc.version
  if (typeof version === 'number' && Number.isInteger(version) && version > VERSION) {
    return err({ kind: 'unsupported-version', format: 'lastpass', version, message: `This export was made by a newer LastPass Authenticator (version ${version}), which SellerGuard cannot read yet.` })
  }
  const folders = new Map<number, string>()
  for (const folder of Array.isArray(doc.folders) ? doc.folders : []) {
    if (isObject(folder) && typeof folder.id === 'number' && folder.id > 0 && typeof folder.name === 'string') folders.set(folder.id, folder.name)
  }
  return ok(collectEntries('lastpass', Array.isArray(doc.accounts) ? doc.accounts : [], (item) => readAccount(item, folders)))
}

function readAccount(item: unknown, folders: ReadonlyMap<number, string>): EntryOutcome {
  if (!isObject(item)) return { account: err('The account is damaged.') }
  const fields = readFields(item)
  const issuerName = fields.string('issuerName') ?? ''
  const userName = fields.string('userName') ?? ''
  const [issuer, label] = issuerName.trim() === '' ? [userName, ''] : [issuerName, userName]
  const name = displayName(issuer, label)
  const algo = fields.string('algorithm') ?? 'SHA1'
  const folderId = fields.object('folderData')?.number('folderId')
  const loose = { issuer, label, secret: fields.string('secret', { secret: true }) ?? '', digits: fields.number('digits'), period: fields.number('timeStep'), group: folderId === undefined ? undefined : folders.get(folderId) }
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  const algorithm = readAlgorithm(algo)
  if (algorithm === null) return { name, account: err(`Field "algorithm": ${algo.slice(0, 20)} is not supported.`) }
  return { name, account: buildAccount({ type: 'totp', algorithm, ...loose }, { secret: 'secret', digits: 'digits', period: 'timeStep', issuer: 'issuerName', label: 'userName' }) }
}
