import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { expect } from 'vitest'
import type { Result } from '../../shared/result'
import { normaliseKey } from '../otp/base32'
import type { ImportedAccount, ImportError, ImportErrorKind, ImportResult } from './types'
import { fuzz } from '../../../test/helpers/fuzz'

/*
 * Shared by the transfer tests only (nothing in the app imports this).
 *
 * Interop fixtures: real export files from other projects' test suites, read
 * in place from shared/fixtures/interop beside the checkout (see its README.md).
 * Where the folder is absent the suites using them are skipped, and say why in their title.
 */

export const INTEROP_DIR = path.resolve(__dirname, '../../../../shared/fixtures/interop')
export const interopPresent = existsSync(INTEROP_DIR)

/** A describe title that says when, and why, the suite is skipped. */
export function interopTitle(name: string): string {
  return interopPresent ? `${name} (shared interop fixtures)` : `${name} — SKIPPED: ${INTEROP_DIR} is absent (shared/fixtures is not beside this checkout)`
}

export function readInterop(relative: string): Buffer {
  return readFileSync(path.join(INTEROP_DIR, relative))
}

/** Fixed seed for every fuzz test, so a failure reproduces. */
export const FUZZ_SEED = 20_260_501

/**
 * Aegis's seven importer test vectors, numbered as in the fixtures README
 * (#1 is index 0). HOTP and Steam have period 30, TOTP and Steam counter 0,
 * as the contract's AccountSummary requires.
 */
export const VECTORS: readonly ImportedAccount[] = [
  { type: 'totp', issuer: 'Deno', label: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'SPDX', label: 'James', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA256', digits: 7, period: 20, counter: 0 },
  { type: 'totp', issuer: 'Airbnb', label: 'Elijah', secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA', algorithm: 'SHA512', digits: 8, period: 50, counter: 0 },
  { type: 'hotp', issuer: 'Issuu', label: 'James', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', algorithm: 'SHA1', digits: 6, period: 30, counter: 1 },
  { type: 'hotp', issuer: 'Air Canada', label: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50 },
  { type: 'hotp', issuer: 'WWE', label: 'Mason', secret: '5VAML3X35THCEBVRLV24CGBKOY', algorithm: 'SHA512', digits: 8, period: 30, counter: 10300 },
  { type: 'steam', issuer: 'Boeing', label: 'Sophia', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
]

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

const ERROR_KINDS: readonly ImportErrorKind[] = ['unrecognised-format', 'bad-file', 'too-large', 'password-required', 'wrong-password', 'unsupported-version', 'unsupported-encryption', 'sellerguard-backup']

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
    for (const warning of result.value.warnings) expect(warning.kind).toBe('missing-batch')
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
