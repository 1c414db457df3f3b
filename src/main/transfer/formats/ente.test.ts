import { describe, expect, it } from 'vitest'
import { importFixtureText } from '../../../../test/helpers/import-fixtures'
import { expectOathtoolAgrees } from '../../../../test/helpers/oathtool'
import { workerCrypto } from '../../../../test/helpers/transfer-worker'
import { stratum, VECTORS } from '../../../../test/helpers/transfer-support'
import type { JsonObject } from '../json-read'
import { importEnteEncrypted, looksLikeEnteEncrypted } from './ente'

const doc = (name: string) => JSON.parse(importFixtureText('ente', name)) as JsonObject

describe('Ente Auth encrypted export (Argon2id + XChaCha20-Poly1305 secretstream)', () => {
  it("Authenticator Pro's test file, at Ente Auth's own cost (1 GiB, 4 passes), password \"test\"", async () => {
    const file = doc('stratum-ente.encrypted.json')
    expect(looksLikeEnteEncrypted(file)).toBe(true)
    const result = await importEnteEncrypted(file, { password: 'test', work: await workerCrypto() })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.format).toBe('ente')
    expect(result.value.accounts).toEqual([stratum('Long', 'Period'), stratum('NoIssuer', '', { label: 'NoIssuer' }), stratum('Sha', '256'), stratum('Sha', '512'), stratum('Standard', 'Hotp'), stratum('Standard', 'Totp')])
    expect(result.value.errors).toEqual([{ index: 1, line: 2, message: 'Line 2: The link asks for codes of "9" digits; codes have 6 to 8 digits.' }])
    await expectOathtoolAgrees(result.value.accounts)
  }, 60_000)

  it('an export at 64 MiB (codeDisplay ignored, Steam kept)', async () => {
    const result = await importEnteEncrypted(doc('ente-64mib.json'), { password: 'test', work: await workerCrypto() })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.accounts).toEqual(VECTORS)
    await expectOathtoolAgrees(result.value.accounts)
  })

  it('no password, a wrong password and a damaged file each get their own error', async () => {
    const file = doc('ente-64mib.json')
    const work = await workerCrypto()
    expect(await importEnteEncrypted(file, {})).toMatchObject({ ok: false, error: { kind: 'password-required', format: 'ente' } })
    expect(await importEnteEncrypted(file, { password: 'nope', work })).toMatchObject({ ok: false, error: { kind: 'wrong-password', format: 'ente' } })
    expect(await importEnteEncrypted({ ...file, encryptionNonce: 'AAAA' }, { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    expect(await importEnteEncrypted({ ...file, kdfParams: { memLimit: 2 ** 40, opsLimit: 2, salt: 'U0g4D5PwWEvrx8dHaILf4Q==' } }, { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'unsupported-encryption' } })
    expect(await importEnteEncrypted({ ...file, version: 2 }, { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 2 } })
    expect(await importEnteEncrypted({ ...file, kdfParams: 'x' }, { password: 'test', work })).toMatchObject({ ok: false, error: { kind: 'bad-file', message: expect.stringContaining('"kdfParams"') } })
  })
})
