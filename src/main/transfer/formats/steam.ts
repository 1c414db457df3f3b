import { err } from '../../../shared/result'
import { encodeBase32 } from '../../otp/base32'
import { buildAccount } from '../account-fields'
import { decodeBase64Loose } from '../encoding'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields } from '../field-reader'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportResult } from '../types'

/*
 * Steam Guard secrets as Steam Desktop Authenticator keeps them: one .maFile
 * per account, the JSON of SteamAuth's SteamGuardAccount
 * (Jessecar96/SteamDesktopAuthenticator's SteamAuth submodule, geel9/SteamAuth
 * at 02b8f75, SteamAuth/SteamGuardAccount.cs):
 *   { shared_secret (base64), serial_number, revocation_code, uri,
 *     server_time, account_name, token_gid, identity_secret, secret_1,
 *     status, device_id, fully_enrolled, Session }
 * Only shared_secret makes the codes (HMAC-SHA1, 30 s, 5 characters). The
 * Steam app's own file (Steamguard-<id>, the form Aegis's SteamImporter
 * reads) has the same fields, alone or under { accounts: { <id>: … } }.
 * An SDA file encrypted with its passkey is base64 text, not JSON, and is
 * not recognised.
 */

export function looksLikeSteam(doc: unknown): boolean {
  if (!isObject(doc)) return false
  if (isObject(doc.accounts) && Object.values(doc.accounts).some((account) => isObject(account) && 'shared_secret' in account)) return true
  return typeof doc.shared_secret === 'string' && ('account_name' in doc || 'identity_secret' in doc || 'revocation_code' in doc)
}

export function importSteam(doc: JsonObject): ImportResult {
  const accounts = isObject(doc.accounts) ? Object.values(doc.accounts) : [doc]
  return collectEntries('steam', accounts, readAccount)
}

function readAccount(item: unknown): EntryOutcome {
  if (!isObject(item)) return { account: err('The account is damaged.') }
  const fields = readFields(item)
  const label = fields.string('account_name') ?? ''
  const shared = fields.string('shared_secret', { secret: true })
  const name = displayName('Steam', label)
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  if (shared === undefined || shared.trim() === '') return { name, account: err('Field "shared_secret": the account has no shared secret.') }
  const bytes = decodeBase64Loose(shared)
  if (bytes === null || bytes.length === 0) return { name, account: err('Field "shared_secret": it is not base64, as Steam writes it.') }
  return { name, account: buildAccount({ type: 'steam', issuer: 'Steam', label, secret: encodeBase32(bytes) }, { secret: 'shared_secret', label: 'account_name' }) }
}
