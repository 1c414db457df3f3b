import { createHash } from 'node:crypto'
import type { OtpType } from '../../../shared/contract/accounts'
import { err, ok, type Result } from '../../../shared/result'
import { buildAccount, readAlgorithm } from '../account-fields'
import { gcmOpen, NONCE_BYTES, TAG_BYTES } from '../aes-gcm'
import { decodeText } from '../encoding'
import { collectEntries, type EntryOutcome } from '../entries'
import { readFields } from '../field-reader'
import { derivePbkdf2 } from '../kdf'
import { displayName, isObject, parseJson } from '../json-read'
import type { ImportError, ImportOptions, ImportResult } from '../types'

/*
 * andOTP backups, as andOTP 0.9 wrote them (andOTP/andOTP, last commit
 * 6c54b88, June 2022, archived): Database/Entry.java toJSON / Entry(JSONObject),
 * Utilities/BackupHelper.java, EncryptionHelper.java, Constants.java.
 *
 * Plain: a JSON array of { secret (base32), issuer, label, digits, type
 * (TOTP | HOTP | STEAM), algorithm, period (TOTP) | counter (HOTP), tags,
 * thumbnail, last_used, used_frequency }. andOTP's own defaults for missing
 * fields: TOTP, 30 s, 6 digits, SHA1; a HOTP entry without counter is refused.
 * Backups from before andOTP kept the issuer have only `label`, written
 * "Issuer - Issuer:account" (Aegis's test file andotp_encrypted_old.bin and
 * AndOtpImporter split it at " - "); the repeated issuer is dropped.
 *
 * Encrypted, new format (andOTP ≥ 0.6.3): int32 big-endian PBKDF2 iterations
 * (andOTP picks 140,000–160,000), a 12-byte salt, then AES-256-GCM as
 * 12-byte IV ‖ ciphertext ‖ 16-byte tag; key = PBKDF2-HMAC-SHA1(password,
 * salt, iterations, 256 bits). Old format: the same GCM layout from byte 0,
 * keyed with SHA-256 of the password. Neither carries a check value, so a
 * failed tag means a wrong password or a changed file, and is reported as
 * the first. OTPClient 3.1.4 (common/andotp.c) writes the same formats.
 */

const MIN_ITERATIONS = 140_000
const MAX_ITERATIONS = 160_000
/** Aegis accepts up to this many (AndOtpImporter); more means another kind of file. */
const MAX_ACCEPTED_ITERATIONS = 10_000_000
const HEADER = 4 + 12
/** IV, tag and at least "[]". */
const MIN_SEALED = NONCE_BYTES + TAG_BYTES + 2

export function looksLikeAndOtp(doc: unknown): boolean {
  return Array.isArray(doc) && doc.length > 0 && doc.every((entry) => isObject(entry) && 'secret' in entry && 'label' in entry)
}

/** The new encrypted format's header: iterations in andOTP's range. */
export function looksLikeEncryptedAndOtp(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER + MIN_SEALED) return false
  const iterations = new DataView(bytes.buffer, bytes.byteOffset).getInt32(0)
  return iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS
}

const TYPES: Readonly<Record<string, OtpType>> = { TOTP: 'totp', HOTP: 'hotp', STEAM: 'steam' }

export function importAndOtp(doc: readonly unknown[]): ImportResult {
  return collectEntries('andotp', doc, readEntry)
}

function readEntry(item: unknown): EntryOutcome {
  if (!isObject(item)) return { account: err('The entry is damaged.') }
  const fields = readFields(item)
  const { issuer, label } = namesOf(fields.string('issuer'), fields.string('label') ?? '')
  const name = displayName(issuer, label)
  const typeName = fields.string('type') ?? 'TOTP'
  const algo = fields.string('algorithm') ?? 'SHA1'
  const tags = fields.array('tags')
  const loose = { issuer, label, secret: fields.string('secret', { secret: true }) ?? '', digits: fields.number('digits'), period: fields.number('period'), counter: fields.number('counter') }
  const problem = fields.problem()
  if (problem !== null) return { name, account: err(problem) }
  const type = TYPES[typeName.toUpperCase()]
  if (type === undefined) return { name, account: err(`andOTP "${typeName.slice(0, 20)}" entries are not supported; only TOTP, HOTP and Steam are.`) }
  if (type === 'hotp' && loose.counter === undefined) return { name, account: err('Field "counter": the HOTP entry has no counter.') }
  const algorithm = readAlgorithm(algo)
  if (algorithm === null) return { name, account: err(`Field "algorithm": ${algo.slice(0, 20)} is not supported.`) }
  const group = tags?.find((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')
  return { name, account: buildAccount({ type, ...loose, algorithm, group }, { secret: 'secret', digits: 'digits', period: 'period', counter: 'counter', issuer: 'issuer', label: 'label' }) }
}

function namesOf(issuerField: string | undefined, labelField: string): { issuer: string; label: string } {
  let issuer = (issuerField ?? '').trim()
  let label = labelField.trim()
  const dash = label.indexOf(' - ')
  if (issuerField === undefined && dash > 0) {
    issuer = label.slice(0, dash).trim()
    label = label.slice(dash + 3).trim()
  }
  if (issuer !== '' && label.startsWith(`${issuer}:`)) label = label.slice(issuer.length + 1).trim()
  return { issuer, label }
}

/**
 * An encrypted backup; `format` says which layout the file showed. A binary
 * file with no header is tried as the old format: it has none to recognise.
 */
export async function importEncryptedAndOtp(bytes: Uint8Array, layout: 'new' | 'old', options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  if (!options.password) {
    const message = layout === 'new' ? 'This is an encrypted andOTP backup. Enter the password you chose when making it.' : 'SellerGuard does not recognise this file. If it is an encrypted backup from an old andOTP version, enter its password.'
    return err({ kind: 'password-required', format: 'andotp', message })
  }
  let key: Uint8Array | null
  let sealed: Uint8Array
  if (layout === 'new') {
    const iterations = new DataView(bytes.buffer, bytes.byteOffset).getInt32(0)
    if (iterations < 1 || iterations > MAX_ACCEPTED_ITERATIONS) return err(damaged('its key-derivation settings are not valid'))
    key = await derivePbkdf2(options.password, bytes.subarray(4, HEADER), iterations, 'sha1')
    sealed = bytes.subarray(HEADER)
  } else {
    key = new Uint8Array(createHash('sha256').update(options.password, 'utf8').digest())
    sealed = bytes
  }
  if (key === null || sealed.length < MIN_SEALED) return err(damaged('it is cut short'))
  const plain = gcmOpen(key, sealed.subarray(0, NONCE_BYTES), sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES), sealed.subarray(sealed.length - TAG_BYTES))
  if (plain === null) {
    const message = layout === 'new' ? 'The password is wrong: it does not open this andOTP backup (or the file was changed after andOTP wrote it).' : 'The password is wrong, or this is not an andOTP backup.'
    return err({ kind: 'wrong-password', format: 'andotp', message })
  }
  const parsed = parseJson(decodeText(plain) ?? '')
  if (!parsed.ok || !Array.isArray(parsed.value)) return err(damaged('its contents are not valid'))
  return ok(importAndOtp(parsed.value))
}

function damaged(why: string): ImportError {
  return { kind: 'bad-file', format: 'andotp', message: `The andOTP backup is damaged: ${why}.` }
}
