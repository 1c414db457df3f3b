import { pbkdf2Sync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gcmSeal } from './aes-gcm'
import { expectTypedResult, fuzzRuns, interopMissing, interopPresent, needs, mutate, mutations, readInterop, vector } from '../../../test/helpers/transfer-support'
import { import2fas } from './twofas'

async function imported(text: string, password?: string) {
  const result = await import2fas(text, password === undefined ? {} : { password })
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

/** 2FAS kept every account as TOTP before schema 3: the vectors as 2FAS schema 2 exports them (fixtures README). */
const AS_TOTP = [vector(1), vector(3), { ...vector(4), type: 'totp' as const, counter: 0 }, { ...vector(6), type: 'totp' as const, counter: 0 }]

/** Seals like 2FAS (twofas-android BackupCipherImpl.kt): "base64(ciphertext‖tag):base64(salt):base64(iv)". */
function seal(plaintext: string, password: string, salt = Buffer.alloc(32, 3)): string {
  const key = pbkdf2Sync(password, salt, 10_000, 32, 'sha256')
  const sealed = gcmSeal(key, Buffer.from(plaintext))
  return [Buffer.concat([sealed.ciphertext, sealed.tag]), salt, sealed.nonce].map((part) => Buffer.from(part).toString('base64')).join(':')
}

needs(interopMissing).describe('2FAS backups: Aegis test files (schema 2)', () => {
  const plain = interopPresent ? readInterop('aegis/2fas_authenticator_plain.2fas') : Buffer.alloc(0)
  const encrypted = interopPresent ? readInterop('aegis/2fas_authenticator_encrypted.2fas') : Buffer.alloc(0)

  it('plain: #1, #3, #4, #6, all as TOTP with their algorithm and digits, period 30 where none', async () => {
    expect(await imported(plain.toString('utf8'))).toEqual({ format: '2fas', accounts: AS_TOTP, errors: [], warnings: [] })
  })

  it('encrypted, password "test": the same accounts', async () => {
    expect((await imported(encrypted.toString('utf8'), 'test')).accounts).toEqual(AS_TOTP)
  })

  it('encrypted: no password, then a wrong one', async () => {
    expect(await import2fas(encrypted.toString('utf8'))).toMatchObject({ ok: false, error: { kind: 'password-required', format: '2fas' } })
    expect(await import2fas(encrypted.toString('utf8'), { password: 'tes' })).toMatchObject({ ok: false, error: { kind: 'wrong-password', format: '2fas' } })
  })

  it('fuzz: mutated plain and encrypted backups always give a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, fc.boolean(), async (edits, useEncrypted) => {
        const text = Buffer.from(mutate(useEncrypted ? encrypted : plain, edits)).toString('utf8')
        expectTypedResult(await import2fas(text, { password: 'test' }))
      }),
      fuzzRuns(300),
    )
  })
})

/*
 * Hand-written backups for the other schemas, in the shapes 2FAS's own models
 * define (twofas/2fas-ios ExchangeData.swift / ExchangeData2.swift,
 * twofas/2fas-android BackupService.kt) and as in Aegis's test files
 * 2fas_authenticator.json (schema 1) and 2fas_authenticator_plain_v3/_v4.2fas.
 */
describe('2FAS backups: every schema', () => {
  it('schema 1: no digits, period or algorithm: TOTP, 6 digits, 30 s, SHA1', async () => {
    const backup = {
      appOrigin: 'android',
      appVersionCode: 300101,
      schemaVersion: 1,
      services: [{ name: 'Deno', order: { position: 0 }, otp: { account: 'Mason', issuer: 'Deno', label: 'Deno:Mason' }, secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', type: 'Unknown', updatedAt: 1 }],
    }
    expect((await imported(JSON.stringify(backup))).accounts).toEqual([vector(1)])
  })

  it('schema 3: tokenType HOTP and STEAM, counter; label "Issuer:account" used when account is missing', async () => {
    const backup = {
      schemaVersion: 3,
      groups: [],
      services: [
        { name: 'WWE', secret: '5VAML3X35THCEBVRLV24CGBKOY', otp: { label: 'WWE:Mason', issuer: 'WWE', digits: 8, period: 30, algorithm: 'SHA512', counter: 10300, tokenType: 'HOTP', source: 'Link' }, order: { position: 1 } },
        { name: 'Boeing', secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', otp: { account: 'Sophia', issuer: 'Boeing', digits: 5, period: 30, algorithm: 'SHA1', tokenType: 'STEAM' }, order: { position: 2 } },
        { name: 'Issuu', secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4', otp: { account: 'James', digits: 6, algorithm: 'SHA1', counter: 1, tokenType: 'HOTP' }, order: { position: 0 } },
      ],
    }
    // Sorted by order.position, as 2FAS does.
    expect((await imported(JSON.stringify(backup))).accounts).toEqual([vector(4), vector(6), vector(7)])
  })

  it('schema 4: otp.link; the secret comes from the link when `secret` is not a key; groups by groupId', async () => {
    const backup = {
      schemaVersion: 4,
      appOrigin: 'ios',
      groups: [{ id: 'A1B2', name: 'Sellers', isExpanded: true }],
      services: [
        {
          name: 'SPDX',
          secret: '[hidden]',
          otp: { link: 'otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20', label: 'James', account: 'James', issuer: 'SPDX', digits: 7, period: 20, algorithm: 'SHA256', tokenType: 'TOTP', source: 'Link' },
          order: { position: 0 },
          groupId: 'A1B2',
        },
        { name: 'Air Canada', secret: 'kuvj jom7 53ih tnds zvcn kl7g ii', otp: { account: 'Benjamin', digits: 7, algorithm: 'SHA256', counter: 50, tokenType: 'HOTP' }, order: { position: 1 }, groupId: 'gone' },
      ],
    }
    expect((await imported(JSON.stringify(backup))).accounts).toEqual([{ ...vector(2), group: 'Sellers' }, vector(5)])
  })

  it('the service name is the issuer; otp.issuer only when there is no name', async () => {
    const backup = { schemaVersion: 4, services: [{ name: '', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'Mason', issuer: 'Deno' }, order: { position: 0 } }, { name: 'My Deno', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'Mason', issuer: 'Deno' } }] }
    expect((await imported(JSON.stringify(backup))).accounts.map((account) => account.issuer)).toEqual(['Deno', 'My Deno'])
  })

  it('encrypted schema 4: groups stay outside the encrypted part; reference checks the password', async () => {
    const services = [{ name: 'Deno', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'Mason', tokenType: 'TOTP' }, order: { position: 0 }, groupId: 'g' }]
    const backup = { schemaVersion: 4, services: [], groups: [{ id: 'g', name: 'Main' }], servicesEncrypted: seal(JSON.stringify(services), 'pässword'), reference: seal('reference text', 'pässword') }
    expect((await imported(JSON.stringify(backup), 'pässword')).accounts).toEqual([{ ...vector(1), group: 'Main' }])
    expect(await import2fas(JSON.stringify(backup), { password: 'password' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    // Right password (reference opens) but damaged services: a damaged file, not a wrong password.
    const damaged = { ...backup, servicesEncrypted: seal('x', 'other') }
    expect(await import2fas(JSON.stringify(damaged), { password: 'pässword' })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it('refuses a field of the wrong type instead of defaulting it', async () => {
    const service = (otp: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ name: 'Deno', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'Mason', ...otp }, ...extra })
    const doc = {
      schemaVersion: 4,
      services: [service({ digits: '8' }), service({ period: '20' }), service({ tokenType: 'HOTP', counter: '3' }), service({}, { secret: 7 }), service({}, { otp: [] })],
    }
    const result = await import2fas(JSON.stringify(doc))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.accounts).toEqual([])
    expect(result.value.errors.map((error) => error.message)).toEqual([
      'The field "otp.digits" holds the text "8", but must be a number.',
      'The field "otp.period" holds the text "20", but must be a number.',
      'The field "otp.counter" holds the text "3", but must be a number.',
      'The field "secret" holds a number, but must be text.',
      'The field "otp" holds a list, but must be an object.',
    ])
  })

  it('refuses a newer schema, reports unsupported tokens and algorithms per service', async () => {
    expect(await import2fas(JSON.stringify({ schemaVersion: 5, services: [] }))).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 5 } })
    expect(await import2fas(JSON.stringify({ schemaVersion: 0, services: [] }))).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    const backup = {
      schemaVersion: 4,
      services: [
        { name: 'A', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'a', algorithm: 'SHA224' }, order: { position: 0 } },
        { name: 'B', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'b', tokenType: 'YANDEX' }, order: { position: 1 } },
        { name: 'C', secret: 'not a key!', otp: { account: 'c' }, order: { position: 2 } },
        null,
        { name: 'D', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', otp: { account: 'd', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' }, order: { position: 3 } },
      ],
    }
    const result = await imported(JSON.stringify(backup))
    expect(result.accounts.map((account) => account.label)).toEqual(['d'])
    expect(result.errors).toEqual([
      { index: 0, name: 'A / a', message: expect.stringContaining('SHA224') },
      { index: 1, name: 'B / b', message: expect.stringContaining('YANDEX') },
      { index: 2, name: 'C / c', message: expect.stringContaining('secret key') },
      { index: 3, message: 'The service is damaged.' },
    ])
  })

  it('fuzz: random services and groups always give a typed result', async () => {
    const otp = fc.dictionary(fc.constantFrom('account', 'issuer', 'label', 'digits', 'period', 'algorithm', 'counter', 'tokenType', 'link'), fc.anything())
    const service = fc.oneof(fc.anything(), fc.record({ name: fc.anything(), secret: fc.oneof(fc.string(), fc.constant('4SJHB4GSD43FZBAI7C2HLRJGPQ')), otp, order: fc.anything(), groupId: fc.anything() }))
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -1, max: 6 }), fc.array(service, { maxLength: 5 }), fc.anything(), async (schemaVersion, services, groups) => {
        expectTypedResult(await import2fas(JSON.stringify({ schemaVersion, services, groups })))
      }),
      fuzzRuns(300),
    )
  })

  it('fuzz: random servicesEncrypted and reference text always gives a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.option(fc.string({ maxLength: 80 })), async (servicesEncrypted, reference) => {
        const backup = { schemaVersion: 2, services: [], servicesEncrypted, ...(reference === null ? {} : { reference }) }
        expectTypedResult(await import2fas(JSON.stringify(backup), { password: 'test' }))
      }),
      fuzzRuns(200),
    )
  })
})
