import { err } from '../../../shared/result'
import { buildAccount } from '../account-fields'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields } from '../field-reader'
import { displayName, isObject } from '../json-read'
import type { ImportResult } from '../types'

/*
 * Duo Mobile's third-party accounts, in the form Aegis reads them
 * (beemdevelopment/Aegis v3.4.2 importers/DuoImporter.java: the app's
 * files/duokit/accounts.json): a JSON array of
 *   { version, accountType: "OtpAccount", name, otpGenerator: { otpSecret (base32), counter? }, logoUri, pkey }
 * An account with a counter is HOTP, otherwise TOTP; Duo uses SHA1, 6
 * digits, 30 s for both. Duo's own push accounts (other accountTypes) carry
 * no OTP secret and are left out.
 */

export function looksLikeDuo(doc: unknown): boolean {
  return Array.isArray(doc) && doc.length > 0 && doc.some((entry) => isObject(entry) && isObject(entry.otpGenerator))
}

export function importDuo(doc: readonly unknown[]): ImportResult {
  return collectEntries('duo', doc, readAccount)
}

function readAccount(item: unknown): EntryOutcome {
  if (!isObject(item)) return { account: err('The account is damaged.') }
  const fields = readFields(item)
  const label = fields.string('name') ?? ''
  const generator = fields.object('otpGenerator')
  const secret = generator?.string('otpSecret', { secret: true })
  const counter = generator?.number('counter')
  const name = displayName(undefined, label)
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  if (generator === undefined) return null
  if (secret === undefined) return { name, account: err('Field "otpGenerator.otpSecret": the account has no secret.') }
  const fieldNames = { secret: 'otpGenerator.otpSecret', counter: 'otpGenerator.counter', label: 'name' }
  return { name, account: buildAccount({ type: counter === undefined ? 'totp' : 'hotp', label, secret, ...(counter === undefined ? {} : { counter }) }, fieldNames) }
}
