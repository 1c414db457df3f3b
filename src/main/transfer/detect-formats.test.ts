import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importFixture } from '../../../test/helpers/import-fixtures'
import { workerCrypto } from '../../../test/helpers/transfer-worker'
import { expectTypedResult, fuzzRuns, mutate, mutations } from '../../../test/helpers/transfer-support'
import { importFile } from './detect'
import type { ImportFormat } from './types'

/*
 * Every committed import fixture (test/fixtures/import/<format>/) is
 * recognised by its content alone, from its bytes, whatever its name.
 * [folder, file, format, accounts, password, key file]
 */
type Case = readonly [string, string, ImportFormat, number, string | null, string | null]

const CASES: readonly Case[] = [
  ['andotp', 'otpclient-andotp-plain.json', 'andotp', 7, null, null],
  ['andotp', 'otpclient-andotp-encrypted.bin', 'andotp', 7, 'test', null],
  ['andotp', 'aegis-andotp_encrypted_old.bin', 'andotp', 6, 'test', null],
  ['freeotp-plus', 'aegis-freeotp_plus.json', 'freeotp-plus', 6, null, null],
  ['authenticator-pro', 'aegis-stratum_plain.json', 'authenticator-pro', 7, null, null],
  ['authenticator-pro', 'aegis-stratum_encrypted.bin', 'authenticator-pro', 7, 'test', null],
  ['authenticator-pro', 'aegis-stratum_encrypted_legacy.bin', 'authenticator-pro', 7, 'test', null],
  ['authy', 'aegis-authy_plain.xml', 'authy', 3, null, null],
  ['authy', 'mitm-decrypted_tokens.json', 'authy', 3, null, null],
  ['steam', 'sda-Sophia.maFile', 'steam', 1, null, null],
  ['steam', 'aegis-steam.json', 'steam', 1, null, null],
  ['battle-net', 'aegis-battle_net_authenticator.xml', 'battle-net', 1, null, null],
  ['duo', 'aegis-duo.json', 'duo', 2, null, null],
  ['lastpass', 'stratum-lastpass.json', 'lastpass', 5, null, null],
  ['bitwarden', 'aegis-bitwarden.csv', 'bitwarden', 4, null, null],
  ['bitwarden', 'bitwarden-reprompt.csv', 'bitwarden', 3, null, null],
  ['keepass', 'kdbx31-aeskdf-aes.kdbx', 'keepass', 8, 'test', null],
  ['keepass', 'kdbx4-argon2id-chacha20-keyfile.kdbx', 'keepass', 8, 'test', 'kdbx4.keyx'],
  ['1password', 'vectors-1PasswordExport.1pux', '1password', 2, null, null],
  ['1password', '1password-8.csv', '1password', 3, null, null],
  ['proton-pass', 'protonpass-export.zip', 'proton-pass', 1, null, null],
  ['proton-pass', 'protonpass-data.json', 'proton-pass', 1, null, null],
  ['ente', 'ente-64mib.json', 'ente', 7, 'test', null],
]

describe('importFile: every new format recognised by content', () => {
  it.each(CASES)('%s/%s → %s (%i accounts)', async (folder, file, format, count, password, keyFile) => {
    const options = { ...(password ? { password } : {}), ...(keyFile ? { keyFile: importFixture(folder, keyFile) } : {}), work: await workerCrypto() }
    const result = await importFile(importFixture(folder, file), options)
    expect(result).toMatchObject({ ok: true, value: { format } })
    if (result.ok) expect(result.value.accounts).toHaveLength(count)
  })

  it('encrypted ones without their password ask for it, naming the format', async () => {
    for (const [folder, file, format] of CASES.filter((c) => c[4] !== null)) {
      expect(await importFile(importFixture(folder, file)), file).toMatchObject({ ok: false, error: { kind: 'password-required', format } })
    }
  })

  it("1Password's own export (KeePassXC's test file) is read; its too-short keys are entry errors", async () => {
    const result = await importFile(importFixture('1password', 'keepassxc-1PasswordExport.1pux'))
    expect(result).toMatchObject({ ok: true, value: { format: '1password', accounts: [], errors: [{ message: expect.stringContaining('too short') }, { message: expect.stringContaining('too short') }] } })
  })

  it('an aborted import is "cancelled", not a damaged file', async () => {
    const controller = new AbortController()
    controller.abort()
    const result = await importFile(importFixture('keepass', 'kdbx4-argon2d-aes.kdbx'), { password: 'test', work: await workerCrypto(), signal: controller.signal })
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
  })

  it('fuzz: mutated fixtures of the plain formats always give a typed result', async () => {
    const plain = CASES.filter((c) => c[4] === null && c[2] !== '1password' && c[2] !== 'proton-pass').map(([folder, file]) => importFixture(folder, file))
    await fc.assert(
      fc.asyncProperty(fc.nat(plain.length - 1), mutations, async (which, edits) => expectTypedResult(await importFile(mutate(plain[which]!, edits)))),
      fuzzRuns(300),
    )
  })

  it('fuzz: mutated zips (1PUX, Proton Pass) always give a typed result', async () => {
    const zips = [importFixture('1password', 'vectors-1PasswordExport.1pux'), importFixture('proton-pass', 'protonpass-export.zip')]
    await fc.assert(
      fc.asyncProperty(fc.nat(1), mutations, async (which, edits) => expectTypedResult(await importFile(mutate(zips[which]!, edits)))),
      fuzzRuns(100),
    )
  })
})
