import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { UriAccount } from './params'
import { formatUri, parseUri } from './uri'

/*
 * Aegis Authenticator's importer test vectors (beemdevelopment/Aegis), read in
 * place from the shared fixtures beside the checkout: /work/shared/fixtures/interop/.
 * Expected values: the table in that folder's README.md.
 */

const FIXTURE = path.resolve(__dirname, '../../../../shared/fixtures/interop/aegis/plain.txt')
const present = existsSync(FIXTURE)
const title = present ? 'Aegis plain.txt interop vectors' : `Aegis plain.txt interop vectors — SKIPPED: ${FIXTURE} is absent (shared/fixtures is not beside this checkout)`

type Vector = UriAccount & Readonly<{ secret: string }>

const VECTORS: readonly Vector[] = [
  { type: 'totp', issuer: 'Deno', label: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'SPDX', label: 'James', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA256', digits: 7, period: 20, counter: 0 },
  { type: 'totp', issuer: 'Airbnb', label: 'Elijah', secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA', algorithm: 'SHA512', digits: 8, period: 50, counter: 0 },
  { type: 'hotp', issuer: 'Issuu', label: 'James', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', algorithm: 'SHA1', digits: 6, period: 30, counter: 1 },
  { type: 'hotp', issuer: 'Air Canada', label: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50 },
  { type: 'hotp', issuer: 'WWE', label: 'Mason', secret: '5VAML3X35THCEBVRLV24CGBKOY', algorithm: 'SHA512', digits: 8, period: 30, counter: 10300 },
  { type: 'steam', issuer: 'Boeing', label: 'Sophia', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
]

describe.skipIf(!present)(title, () => {
  const lines = present
    ? readFileSync(FIXTURE, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
    : []

  it('has one URI per vector', () => {
    expect(lines).toHaveLength(VECTORS.length)
  })

  // Numbered as in the README's table.
  it.each(VECTORS.map((vector, index) => ({ n: index + 1, ...vector })))('#$n: $type $issuer / $label', ({ n, secret, ...account }) => {
    const result = parseUri(lines[n - 1] ?? '')
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    expect(result.value.account).toEqual(account)
    expect(result.value.key.base32).toBe(secret)
    // And our canonical form reads back the same.
    expect(parseUri(formatUri(result.value.account, result.value.key.base32))).toEqual(result)
  })
})
