import { describe, expect, it } from 'vitest'
import { decodeBase32 } from '../otp/base32'
import { hotpCode, steamCode, totpCode } from '../otp/generate'
import { canRunStep, needs } from '../../../test/helpers/needs'
import { oathtoolCode, oathtoolMissing } from '../../../test/helpers/oathtool'
import { EXPORT_ACCOUNTS } from '../../../test/helpers/export-accounts'
import { interopMissing, readInterop } from '../../../test/helpers/transfer-support'
import { gcmOpen } from './aes-gcm'
import { exportAegisVault } from './aegis-export'
import { decryptBackup, encryptBackup } from './backup'
import { MIN_SCRYPT_N } from './backup-schema'
import { decodeBase64Loose } from './encoding'
import { importFile } from './detect'
import { derivePbkdf2 } from './kdf'
import { exportOtpauthList, OTPAUTH_LIST_HEADER } from './otpauth-export'
import { export2fas, TWOFAS_REFERENCE } from './twofas-export'

/*
 * Every export, read back by SellerGuard's own importers (content detection
 * included), gives every account back: the same type, issuer, name, group,
 * parameters, HOTP counter and key, so the same codes, checked against oathtool.
 */

const ACCOUNTS = EXPORT_ACCOUNTS

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }> | { ok: true; value: T } | { ok: false; error: { message: string } }): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const reimport = async (text: string, password?: string) => value(importFile(text, password ? { password } : {}))

describe('exports round-trip through SellerGuard’s importers', () => {
  it('otpauth list: the same accounts, groups included, after a warning header', async () => {
    const text = await value(exportOtpauthList(ACCOUNTS))
    expect(text.split('\n').slice(0, OTPAUTH_LIST_HEADER.length)).toEqual(OTPAUTH_LIST_HEADER)
    expect(text).toMatch(/NOT encrypted/)
    const back = await reimport(text)
    expect(back).toMatchObject({ format: 'otpauth-list', errors: [] })
    expect(back.accounts).toEqual(ACCOUNTS)
  })

  it('2FAS, plain: the same accounts and groups', async () => {
    const back = await reimport(await value(export2fas(ACCOUNTS, { plain: true })))
    expect(back).toMatchObject({ format: '2fas', errors: [] })
    expect(back.accounts).toEqual(ACCOUNTS)
  })

  it('2FAS, encrypted: the same accounts; a wrong or missing password is refused', async () => {
    const text = await value(export2fas(ACCOUNTS, { password: 'correct horse ✓' }))
    expect(text).not.toContain(ACCOUNTS[0]!.secret)
    expect((await reimport(text, 'correct horse ✓')).accounts).toEqual(ACCOUNTS)
    expect(await importFile(text, { password: 'wrong horse' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await importFile(text)).toMatchObject({ ok: false, error: { kind: 'password-required' } })
    expect(await export2fas(ACCOUNTS, {})).toMatchObject({ ok: false, error: { kind: 'password-required' } })
  })

  it('Aegis, plain and encrypted: the same accounts and groups', async () => {
    expect((await reimport(await value(exportAegisVault(ACCOUNTS, { plain: true })))).accounts).toEqual(ACCOUNTS)
    expect((await reimport(await value(exportAegisVault(ACCOUNTS, { password: 'pw for aegis' })), 'pw for aegis')).accounts).toEqual(ACCOUNTS)
  })

  it('SellerGuard backup: every field of every account, secrets included', async () => {
    const accounts = ACCOUNTS.map((a, i) => ({ ...a, group: a.group ?? '', id: `acc_roundtrip_${i}`, kind: 'other' as const, order: i, createdAt: 1_700_000_000_000 + i }))
    const text = await value(encryptBackup({ accounts }, 'backup password', { kdf: { N: MIN_SCRYPT_N, r: 8, p: 1 } }))
    expect((await value(decryptBackup(text, 'backup password'))).accounts).toEqual(accounts)
  })

  it('an account without a valid key is refused by every export, naming which one', async () => {
    const broken = [...ACCOUNTS, { ...ACCOUNTS[0]!, secret: 'not a key' }]
    const error = { kind: 'invalid-account', index: ACCOUNTS.length }
    expect(exportOtpauthList(broken)).toMatchObject({ ok: false, error })
    expect(await export2fas(broken, { plain: true })).toMatchObject({ ok: false, error })
  })
})

describe('2FAS export: what the 2FAS apps need', () => {
  it('schema 4 with an icon per service and appOrigin android (ExchangeData2.swift requires both)', async () => {
    const doc = JSON.parse(await value(export2fas(ACCOUNTS, { plain: true, now: () => 1_767_225_600_000 }))) as {
      schemaVersion: number
      appOrigin: string
      updatedAt: number
      groups: { id: string; name: string; isExpanded: boolean }[]
      services: { name: string; icon: { selected: string; iconCollection: { id: string } }; otp: { tokenType: string; source: string; link: string }; groupId: string | null; order: { position: number } }[]
    }
    expect(doc).toMatchObject({ schemaVersion: 4, appOrigin: 'android', updatedAt: 1_767_225_600_000 })
    expect(doc.groups.map((g) => g.name)).toEqual(['Amazon EU', 'Other apps', 'EU / UK & more = ✓ #1', 'KDP'])
    expect(doc.services.map((s) => s.order.position)).toEqual(ACCOUNTS.map((_, i) => i))
    for (const s of doc.services) {
      expect(s.icon).toMatchObject({ selected: 'IconCollection', iconCollection: { id: expect.any(String) } })
      expect(s.otp.link).toMatch(/^otpauth:\/\/(totp|hotp|steam)\//)
      expect(s.name).not.toBe('')
    }
    expect(doc.services.map((s) => s.otp.tokenType)).toEqual(ACCOUNTS.map((a) => a.type.toUpperCase()))
  })

  it('the encrypted reference opens to 2FAS’s reference text, as in a backup the real 2FAS made', async () => {
    const open = async (sealed: string, password: string) => {
      const [data, salt, iv] = sealed.split(':').map((part) => decodeBase64Loose(part)!)
      const key = (await derivePbkdf2(password, salt!, 10_000))!
      const plain = gcmOpen(key, iv!, data!.subarray(0, -16), data!.subarray(-16))
      return { text: plain && Buffer.from(plain).toString('utf8'), saltBytes: salt!.length, ivBytes: iv!.length }
    }
    const ours = JSON.parse(await value(export2fas(ACCOUNTS, { password: 'pw' }))) as { reference: string; services: unknown[] }
    expect(ours.services).toEqual([])
    expect(await open(ours.reference, 'pw')).toEqual({ text: TWOFAS_REFERENCE, saltBytes: 256, ivBytes: 12 })
    if (!canRunStep(interopMissing)) return
    // Aegis's test file, made by 2FAS 3.8.2 for Android with the password "test".
    const real = JSON.parse(readInterop('aegis/2fas_authenticator_encrypted.2fas').toString('utf8')) as { reference: string }
    expect(await open(real.reference, 'test')).toEqual({ text: TWOFAS_REFERENCE, saltBytes: 256, ivBytes: 12 })
  })
})

needs(oathtoolMissing).describe('codes of re-imported accounts agree with oathtool', () => {
  it('for every export and every account, at three moments', async () => {
    const exports = {
      otpauth: await reimport(await value(exportOtpauthList(ACCOUNTS))),
      twofas: await reimport(await value(export2fas(ACCOUNTS, { password: 'pw' })), 'pw'),
      aegis: await reimport(await value(exportAegisVault(ACCOUNTS, { password: 'pw' })), 'pw'),
    }
    const moments = [0, 1_767_225_599, 4_102_444_800]
    const mismatches: unknown[] = []
    let compared = 0
    for (const [format, result] of Object.entries(exports)) {
      for (const [i, account] of result.accounts.entries()) {
        const original = ACCOUNTS[i]!
        for (const seconds of moments) {
          const key = decodeBase32(account.secret)
          const ours = account.type === 'steam' ? steamCode(key, seconds * 1000) : account.type === 'hotp' ? hotpCode(account, key, account.counter) : totpCode(account, key, seconds * 1000)
          const reference = (await oathtoolCode(original, seconds)) ?? (original.type === 'steam' ? steamCode(decodeBase32(original.secret), seconds * 1000) : hotpCode(original, decodeBase32(original.secret), original.counter))
          if (ours !== reference) mismatches.push({ format, index: i, seconds, ours, reference })
          compared++
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(compared).toBe(3 * ACCOUNTS.length * moments.length)
  })
})
