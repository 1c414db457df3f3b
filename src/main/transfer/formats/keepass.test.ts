import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IMPORT_FIXTURES, importFixture } from '../../../../test/helpers/import-fixtures'
import { keepassxcCode, keepassxcMissing } from '../../../../test/helpers/keepassxc'
import { needs } from '../../../../test/helpers/needs'
import { CODE_TIMES, expectOathtoolAgrees, steamCodes, VECTOR_7_STEAM_CODES } from '../../../../test/helpers/oathtool'
import { workerCrypto } from '../../../../test/helpers/transfer-worker'
import { vector } from '../../../../test/helpers/transfer-support'
import { decodeBase32 } from '../../otp/base32'
import { steamCode, totpCode } from '../../otp/generate'
import type { ImportedAccount } from '../types'
import { importKeepass, looksLikeKdbx } from './keepass'

/*
 * Databases made by keepassxc-cli 2.7.4 from source.xml (see
 * test/fixtures/import/keepass/README.md): KDBX 3.1 with AES-KDF, KDBX 4 with
 * Argon2d, Argon2id or AES-KDF and AES or ChaCha20, with and without a key file.
 */

const DIR = path.join(IMPORT_FIXTURES, 'keepass')
const FILES = [
  ['kdbx31-aeskdf-aes.kdbx', null, 3],
  ['kdbx31-aeskdf-aes-keyfile.kdbx', 'kdbx31.keyx', 3],
  ['kdbx4-argon2d-aes.kdbx', null, 4],
  ['kdbx4-argon2id-chacha20.kdbx', null, 4],
  ['kdbx4-aeskdf-chacha20.kdbx', null, 4],
  ['kdbx4-argon2id-chacha20-keyfile.kdbx', 'kdbx4.keyx', 4],
] as const

const EXPECTED: readonly ImportedAccount[] = [
  vector(1),
  vector(2),
  vector(3),
  vector(4),
  vector(7),
  { type: 'totp', issuer: 'Walmart', label: 'seller@example.com', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { type: 'totp', issuer: 'eBay', label: 'shop@example.com', secret: '5VAML3X35THCEBVRLV24CGBKOY', algorithm: 'SHA256', digits: 8, period: 60, counter: 0 },
  { type: 'totp', issuer: 'Amazon', label: 'seller@example.com', secret: 'L4VJYQPAPM6YRJWC6AMU46YR2OUMAX3OSK2NODB6D6FCW3E5BZDQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, group: 'Marketplaces' },
]
/** Entries whose code KeePassXC computes too (it reads neither otpauth://hotp as HOTP nor KeePass's TimeOtp fields). */
const KEEPASSXC_ENTRIES = ['Deno', 'SPDX', 'Airbnb', 'Boeing', 'Walmart', 'Marketplaces/Amazon Seller Central']

async function open(name: string, keyFile: string | null, password = 'test') {
  return importKeepass(importFixture('keepass', name), { password, ...(keyFile ? { keyFile: importFixture('keepass', keyFile) } : {}), work: await workerCrypto() })
}

describe('KeePass / KeePassXC databases made by keepassxc-cli', () => {
  it.each(FILES)('%s: every TOTP field form, groups, skipped entries counted', async (name, keyFile) => {
    expect(looksLikeKdbx(importFixture('keepass', name))).toBe(true)
    const result = await open(name, keyFile)
    if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
    expect(result.value.accounts).toEqual(EXPECTED)
    expect(result.value.errors).toEqual([{ index: 8, name: 'Broken / nobody', message: expect.stringMatching(/^Field "otp": /) }])
    expect(result.value.warnings.map((w) => [w.kind, (w as { count: number }).count])).toEqual([
      ['skipped-entries', 2],
      ['skipped-entries', 1],
    ])
    await expectOathtoolAgrees(result.value.accounts)
    expect(steamCodes(result.value.accounts[4]!)).toEqual(VECTOR_7_STEAM_CODES)
  })

  needs(keepassxcMissing()).it("codes agree with KeePassXC's own (keepassxc-cli show -t at fixed times)", async () => {
    const result = await open('kdbx4-argon2id-chacha20.kdbx', null)
    if (!result.ok) throw new Error(result.error.message)
    for (const entry of KEEPASSXC_ENTRIES) {
      const title = entry.split('/').at(-1)
      const account = result.value.accounts.find((a) => a.issuer === (title === 'Amazon Seller Central' ? 'Amazon' : title))!
      const key = decodeBase32(account.secret)
      for (const at of CODE_TIMES) {
        const ours = account.type === 'steam' ? steamCode(key, Date.parse(at)) : totpCode(account, key, Date.parse(at))
        expect(ours, `${entry} at ${at}`).toBe(keepassxcCode(path.join(DIR, 'kdbx4-argon2id-chacha20.kdbx'), entry, at, 'test'))
      }
    }
  })

  it('no password, a wrong password, a missing or wrong key file, and a damaged file each get their own error', async () => {
    const bytes = importFixture('keepass', 'kdbx4-argon2id-chacha20-keyfile.kdbx')
    const work = await workerCrypto()
    expect(await importKeepass(bytes, {})).toMatchObject({ ok: false, error: { kind: 'password-required', format: 'keepass' } })
    expect(await importKeepass(bytes, { password: 'nope', keyFile: importFixture('keepass', 'kdbx4.keyx'), work })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importKeepass(bytes, { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importKeepass(bytes, { password: 'test', keyFile: importFixture('keepass', 'kdbx31.keyx'), work })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    for (const name of ['kdbx4-argon2d-aes.kdbx', 'kdbx31-aeskdf-aes.kdbx']) {
      const damaged = importFixture('keepass', name)
      damaged[damaged.length - 40] = (damaged[damaged.length - 40] ?? 0) ^ 0x55
      expect(await importKeepass(damaged, { password: 'test', work }), name).toMatchObject({ ok: false, error: { kind: 'bad-file', format: 'keepass' } })
      expect(await importKeepass(damaged.subarray(0, 200), { password: 'test', work }), `${name} cut short`).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    }
  })
})
