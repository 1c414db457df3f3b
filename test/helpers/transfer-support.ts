import fc from 'fast-check'
import { expect } from 'vitest'
import type { Result } from '../../src/shared/result'
import { normaliseKey } from '../../src/main/otp/base32'
import type { ImportedAccount, ImportError, ImportErrorKind, ImportResult } from '../../src/main/transfer/types'
import { fuzz } from './fuzz'
import { VECTORS } from './interop'

/* Shared by the transfer tests only (nothing in the app imports this). */

export { INTEROP_DIR, interopMissing, interopPresent, readInterop, VECTORS } from './interop'
export { needs } from './needs'

/** Fixed seed for every fuzz test, so a failure reproduces. */
export const FUZZ_SEED = 20_260_501

/** Vector #n (1-based, as in the README). */
export function vector(n: number): ImportedAccount {
  const found = VECTORS[n - 1]
  if (!found) throw new Error(`no vector #${n}`)
  return found
}

export type Mutation = Readonly<{ op: 'flip' | 'insert' | 'delete'; at: number; bit: number; byte: number }>

/** One to eight random byte edits: flip a bit, insert a byte, delete a byte. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const, 'delete' as const), at: fc.nat(), bit: fc.nat(7), byte: fc.nat(255) }),
  { minLength: 1, maxLength: 8 },
)

export function mutate(original: Uint8Array, edits: readonly Mutation[]): Uint8Array {
  let bytes = Array.from(original)
  for (const edit of edits) {
    const at = bytes.length === 0 ? 0 : edit.at % (bytes.length + (edit.op === 'insert' ? 1 : 0))
    if (edit.op === 'flip' && bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << edit.bit)
    else if (edit.op === 'insert') bytes = [...bytes.slice(0, at), edit.byte, ...bytes.slice(at)]
    else if (edit.op === 'delete') bytes.splice(at, 1)
  }
  return new Uint8Array(bytes)
}

const ERROR_KINDS: readonly ImportErrorKind[] = ['unrecognised-format', 'bad-file', 'too-large', 'password-required', 'wrong-password', 'unsupported-version', 'unsupported-encryption', 'sellerguard-backup', 'cancelled']

/** Every account an importer returns must be one the app could add. */
export function isValidAccount(account: ImportedAccount): boolean {
  const digitsOk = account.type === 'steam' ? account.digits === 5 : account.digits >= 6 && account.digits <= 8
  return (
    ['totp', 'hotp', 'steam'].includes(account.type) &&
    ['SHA1', 'SHA256', 'SHA512'].includes(account.algorithm) &&
    digitsOk &&
    Number.isInteger(account.period) &&
    account.period >= 1 &&
    account.period <= 3600 &&
    Number.isSafeInteger(account.counter) &&
    account.counter >= 0 &&
    /^[A-Z2-7]{16,}$/.test(account.secret) &&
    normaliseKey(account.secret).ok &&
    account.issuer.length <= 200 &&
    account.label.length <= 200 &&
    (account.group === undefined || (account.group !== '' && account.group.length <= 100))
  )
}

/** The fuzz oracle: a typed Result of the documented shape, whatever the input. */
export function expectTypedResult(result: Result<ImportResult, ImportError>): void {
  if (result.ok) {
    expect(result.value.accounts.every(isValidAccount)).toBe(true)
    for (const error of result.value.errors) {
      expect(Number.isInteger(error.index) && error.index >= 0).toBe(true)
      expect(typeof error.message === 'string' && error.message.length > 0).toBe(true)
    }
    for (const warning of result.value.warnings) expect(['missing-batch', 'skipped-entries']).toContain(warning.kind)
  } else {
    expect(ERROR_KINDS).toContain(result.error.kind)
    expect(typeof result.error.message === 'string' && result.error.message.length > 0).toBe(true)
  }
}

/**
 * Any UTF-16 text, lone surrogates included, mixed with printable ASCII.
 * (fast-check's own `unit: 'binary'` takes ~1.5 s to warm up in each worker.)
 */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.nat(0xffff).map((code) => String.fromCharCode(code)), fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)))
  return fc.string({ unit, maxLength })
}

/** Test-run options for fast-check: fixed seed, a modest number of runs (the whole suite stays fast on 2 cores). */
export function fuzzRuns(numRuns: number): fc.Parameters<unknown> {
  return fuzz(FUZZ_SEED, numRuns)
}

/**
 * The accounts of Authenticator Pro's (Stratum's) converter test files
 * (jamie-mh/AuthenticatorPro Stratum.Test/data, e.g. ente.unencrypted.txt),
 * in that file's order. "Many / Digits" has 9 digits there, more than codes
 * may have here; the FreeOTP+ and LastPass files give it 8 or 9.
 */
export const STRATUM_VECTORS: readonly ImportedAccount[] = [
  { type: 'totp', issuer: 'Long', label: 'Period', secret: 'JGRMXBLPPYQIFMRBFQDHNP3MPPYQYNUN', algorithm: 'SHA1', digits: 6, period: 60, counter: 0 },
  { type: 'totp', issuer: 'Many', label: 'Digits', secret: 'WEV2GHDH4EAU7D5SZGCIQOFBNQ35EHBS', algorithm: 'SHA1', digits: 9, period: 30, counter: 0 },
  { type: 'totp', issuer: 'NoIssuer', label: '', secret: 'KY2QJPMNQLSGSZE2C5F7AYBLBVEEDHFX', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'Sha', label: '256', secret: 'RJNZJM7PAGJUBG32XHQWHFZVLYOMGIUQ', algorithm: 'SHA256', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'Sha', label: '512', secret: 'UW33SR5O4EKTDXNCBBS5FSPUKAYXIWOH', algorithm: 'SHA512', digits: 6, period: 30, counter: 0 },
  { type: 'hotp', issuer: 'Standard', label: 'Hotp', secret: 'JOR2VZXMNHACFNLRAOACFFRDRYAOFMLB', algorithm: 'SHA1', digits: 6, period: 30, counter: 10 },
  { type: 'totp', issuer: 'Standard', label: 'Totp', secret: '54VEGZFJHM3BGDONFERMPUOKNGDJETGM', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
]

/** Stratum vector "issuer / label", for picking a few. */
export function stratum(issuer: string, label: string, changes: Partial<ImportedAccount> = {}): ImportedAccount {
  const found = STRATUM_VECTORS.find((v) => v.issuer === issuer && v.label === label)
  if (!found) throw new Error(`no Stratum vector ${issuer} / ${label}`)
  return { ...found, ...changes }
}
