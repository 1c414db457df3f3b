import type { HashAlgorithm } from '../../shared/contract/accounts'
import { err, ok, type Result } from '../../shared/result'
import { encodeBase32 } from '../otp/base32'
import { buildAccount } from './account-fields'
import { decodeBase64Loose } from './encoding'
import { decodeMigrationPayload, type MigrationPayload, type OtpParameters } from './google-payload'
import { displayName } from './json-read'
import { entryLines } from './otpauth-list'
import type { ImportedAccount, ImportEntryError, ImportError, ImportResult, MissingBatch } from './types'

/*
 * Google Authenticator's "Transfer accounts" QR codes, one
 * `otpauth-migration://offline?data=<base64 protobuf>` link per line (as
 * decoded from the QR codes, e.g. by a phone's scanner). A large export is
 * split over several codes: each carries the same random `batch_id`, its
 * `batch_index` and the `batch_size`. Lines are combined by batch; a scanned
 * code given twice counts once; missing codes are reported as warnings so
 * the accounts found can still be imported.
 */

const PREFIX = 'otpauth-migration://offline?'

/** More codes than this in one export is not something Google writes (~10 accounts per code). */
const MAX_BATCH_SIZE = 1000

export function looksLikeGoogleMigration(text: string): boolean {
  const first = entryLines(text.slice(0, 65_536))[0]
  return first !== undefined && first.text.toLowerCase().startsWith('otpauth-migration:')
}

type Decoded = Readonly<{ line: number; payload: MigrationPayload }>

export function importGoogleMigration(text: string): Result<ImportResult, ImportError> {
  const lines = entryLines(text)
  if (lines.length === 0) return err({ kind: 'bad-file', format: 'google-migration', message: 'The file has no Google Authenticator export links in it.' })

  const decoded: Decoded[] = []
  const unreadable: { line: number; message: string }[] = []
  const seen = new Set<string>()
  for (const line of lines) {
    const payload = readLine(line.text)
    if (!payload.ok) {
      unreadable.push({ line: line.line, message: `Line ${line.line}: ${payload.error}` })
      continue
    }
    // The same QR code scanned twice gives the same data: count it once.
    const key = dataParameter(line.text) ?? line.text
    if (seen.has(key)) continue
    seen.add(key)
    decoded.push({ line: line.line, payload: payload.value })
  }
  if (decoded.length === 0) {
    return err({ kind: 'bad-file', format: 'google-migration', message: unreadable[0]?.message ?? 'No export link could be read.' })
  }

  // Entries are numbered in the order accounts come out; unreadable lines follow them.
  const accounts: ImportedAccount[] = []
  const errors: ImportEntryError[] = []
  let index = 0
  for (const { line, payload } of inBatchOrder(decoded)) {
    for (const parameters of payload.otpParameters) {
      const names = splitName(parameters.name, parameters.issuer)
      const account = toAccount(parameters, names)
      if (account.ok) accounts.push(account.value)
      else errors.push({ index, line, name: displayName(names.issuer, names.label), message: account.error })
      index++
    }
  }
  for (const { line, message } of unreadable) errors.push({ index: index++, line, message })
  return ok({ format: 'google-migration', accounts, errors, warnings: missingBatches(decoded) })
}

function readLine(text: string): Result<MigrationPayload, string> {
  if (!text.toLowerCase().startsWith(PREFIX)) return err('This is not a Google Authenticator export link (otpauth-migration://offline?data=…).')
  const data = dataParameter(text)
  if (data === null) return err('The export link has no "data=" part, or it is damaged.')
  const bytes = decodeBase64Loose(data)
  if (bytes === null || bytes.length === 0) return err('The export link\'s data is not valid base64: the link is damaged or cut short.')
  const payload = decodeMigrationPayload(bytes)
  if (!payload.ok) return err('The export link\'s data cannot be read: the link is damaged or cut short.')
  const { batchSize, batchIndex } = payload.value
  if (batchSize < 0 || batchSize > MAX_BATCH_SIZE || batchIndex < 0 || (batchSize > 0 && batchIndex >= batchSize)) {
    return err('The export link\'s numbering (QR code n of m) is damaged.')
  }
  return payload
}

/** The percent-decoded `data` parameter. A "+" turned into a space by form decoding is put back: base64 has no spaces. */
function dataParameter(text: string): string | null {
  const query = text.slice(PREFIX.length).split('#')[0] ?? ''
  const part = query.split('&').find((item) => item.toLowerCase().startsWith('data='))
  if (part === undefined) return null
  try {
    return decodeURIComponent(part.slice('data='.length)).replace(/ /g, '+')
  } catch {
    return null
  }
}

/** Batches in order of first appearance, each batch's codes by index. */
function inBatchOrder(decoded: readonly Decoded[]): Decoded[] {
  const firstSeen = new Map<number, number>()
  decoded.forEach((item, position) => {
    if (!firstSeen.has(item.payload.batchId)) firstSeen.set(item.payload.batchId, position)
  })
  return [...decoded].sort((a, b) => {
    const byBatch = (firstSeen.get(a.payload.batchId) ?? 0) - (firstSeen.get(b.payload.batchId) ?? 0)
    return byBatch !== 0 ? byBatch : a.payload.batchIndex - b.payload.batchIndex
  })
}

function missingBatches(decoded: readonly Decoded[]): MissingBatch[] {
  const batches = new Map<number, { size: number; indexes: Set<number> }>()
  for (const { payload } of decoded) {
    const batch = batches.get(payload.batchId) ?? { size: 0, indexes: new Set<number>() }
    batch.size = Math.max(batch.size, payload.batchSize)
    batch.indexes.add(payload.batchIndex)
    batches.set(payload.batchId, batch)
  }
  const warnings: MissingBatch[] = []
  for (const [batchId, { size, indexes }] of batches) {
    const missing = Array.from({ length: size }, (_, i) => i).filter((i) => !indexes.has(i))
    if (missing.length === 0) continue
    const shown = missing.map((i) => i + 1).join(', ')
    const message = `This Google Authenticator export has ${size} QR codes, and ${missing.length === 1 ? `code ${shown} is` : `codes ${shown} are`} missing. Scan ${missing.length === 1 ? 'it' : 'them'} too to import every account.`
    warnings.push({ kind: 'missing-batch', batchId, batchSize: size, missing, message })
  }
  return warnings
}

type Names = Readonly<{ issuer: string; label: string }>

/**
 * Google keeps the label as it was given (`name`) and the issuer apart. When
 * the name repeats the issuer as a prefix ("Example:alice"), the prefix is
 * dropped. Without an issuer the name is kept whole, colons included, as
 * Google itself does: its export of `otpauth://totp/encoding:%20…` has the
 * name "encoding: ¿äÄéÉ? (demo)" and no issuer (scito/extract_otp_secrets,
 * example_export.txt). Aegis splits such names at the colon instead
 * (otp/GoogleAuthInfo.java); we do not guess.
 */
export function splitName(name: string, issuer: string): Names {
  const trimmedIssuer = issuer.trim()
  if (trimmedIssuer !== '' && name.startsWith(`${trimmedIssuer}:`)) return { issuer: trimmedIssuer, label: name.slice(trimmedIssuer.length + 1).trim() }
  return { issuer: trimmedIssuer, label: name.trim() }
}

const ALGORITHMS: Readonly<Record<number, HashAlgorithm>> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' }

function toAccount(parameters: OtpParameters, names: Names): Result<ImportedAccount, string> {
  if (parameters.secret.length === 0) return err('The account has no secret key.')
  const algorithm = ALGORITHMS[parameters.algorithm]
  if (algorithm === undefined) return err(parameters.algorithm === 4 ? 'The account uses MD5 codes, which are not supported.' : 'The account uses an unknown code algorithm.')
  // DigitCount: 0 (unspecified) and 1 mean six, 2 means eight.
  const digits = parameters.digits === 2 ? 8 : parameters.digits === 0 || parameters.digits === 1 ? 6 : null
  if (digits === null) return err('The account uses an unknown number of digits.')
  // OtpType: 1 is HOTP, 2 (and 0, unspecified) TOTP. Google's export has no period: TOTP here is always 30 s.
  if (parameters.type !== 0 && parameters.type !== 1 && parameters.type !== 2) return err('The account is of an unknown type.')
  const secret = encodeBase32(parameters.secret)
  if (parameters.type === 1) {
    // int64 on the wire: a negative or huge counter cannot be a JS number we can count with.
    const counter = /^[0-9]{1,16}$/.test(parameters.counter) ? Number(parameters.counter) : NaN
    if (!Number.isSafeInteger(counter)) return err('The account\'s counter is negative or too large to use.')
    return buildAccount({ type: 'hotp', ...names, secret, algorithm, digits, counter })
  }
  return buildAccount({ type: 'totp', ...names, secret, algorithm, digits })
}
