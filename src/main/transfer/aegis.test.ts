import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gcmSeal } from './aes-gcm'
import { importAegis } from './aegis'
import { passwordBytes } from './aegis-unlock'
import { encodeBase64, encodeHex } from './encoding'
import { deriveScrypt } from './kdf'
import { expectTypedResult, fuzzRuns, interopMissing, interopPresent, needs, mutate, mutations, readInterop, VECTORS, vector } from '../../../test/helpers/transfer-support'

async function imported(text: string, password?: string) {
  const result = await importAegis(text, password === undefined ? {} : { password })
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

function plainVault(content: unknown): string {
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: content })
}

const ENTRY = { type: 'totp', uuid: 'u1', name: 'Mason', issuer: 'Deno', icon: null, info: { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algo: 'SHA1', digits: 6, period: 30 } }

/** Encrypts content the way Aegis does (docs/vault.md), with the given password bytes and slot fields. */
async function encryptedVault(content: unknown, password: Uint8Array, slotFields: Record<string, unknown> = {}): Promise<string> {
  const salt = new Uint8Array(32).fill(7)
  const masterKey = new Uint8Array(32).fill(9)
  const wrapping = await deriveScrypt(password, salt, { N: 2 ** 15, r: 8, p: 1 })
  if (!wrapping) throw new Error('scrypt failed')
  const slot = gcmSeal(wrapping, masterKey)
  const db = gcmSeal(masterKey, Buffer.from(JSON.stringify(content)))
  const header = {
    slots: [{ type: 1, uuid: 's', key: encodeHex(slot.ciphertext), key_params: { nonce: encodeHex(slot.nonce), tag: encodeHex(slot.tag) }, n: 32768, r: 8, p: 1, salt: encodeHex(salt), ...slotFields }],
    params: { nonce: encodeHex(db.nonce), tag: encodeHex(db.tag) },
  }
  return JSON.stringify({ version: 1, header, db: encodeBase64(db.ciphertext) })
}

needs(interopMissing).describe('Aegis vaults: Aegis test files', () => {
  const plain = interopPresent ? readInterop('aegis/aegis_plain.json') : Buffer.alloc(0)
  const encrypted = interopPresent ? readInterop('aegis/aegis_encrypted.json') : Buffer.alloc(0)

  it('plain vault: all seven vectors exactly', async () => {
    const result = await imported(plain.toString('utf8'))
    expect(result).toEqual({ format: 'aegis', accounts: VECTORS, errors: [], warnings: [] })
  })

  it('encrypted vault, password "test": all seven vectors exactly', async () => {
    expect((await imported(encrypted.toString('utf8'), 'test')).accounts).toEqual(VECTORS)
  })

  it('encrypted vault: no password, then a wrong one', async () => {
    expect(await importAegis(encrypted.toString('utf8'))).toMatchObject({ ok: false, error: { kind: 'password-required', format: 'aegis' } })
    expect(await importAegis(encrypted.toString('utf8'), { password: 'Test' })).toMatchObject({ ok: false, error: { kind: 'wrong-password', format: 'aegis' } })
  })

  it('fuzz: mutated plain vault always gives a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => {
        expectTypedResult(await importAegis(Buffer.from(mutate(plain, edits)).toString('utf8')))
      }),
      fuzzRuns(300),
    )
  })

  it('fuzz: mutated encrypted vault, without and with the password, always gives a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => {
        const text = Buffer.from(mutate(encrypted, edits)).toString('utf8')
        expectTypedResult(await importAegis(text))
      }),
      fuzzRuns(200),
    )
    // With the password most mutations still reach scrypt (~150 ms each): fewer runs.
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => {
        expectTypedResult(await importAegis(Buffer.from(mutate(encrypted, edits)).toString('utf8'), { password: 'test' }))
      }),
      fuzzRuns(12),
    )
  })
})

describe('Aegis vaults', () => {
  it('keeps groups: content version 3 (uuids) and older (a group name)', async () => {
    const v3 = plainVault({
      version: 3,
      groups: [{ uuid: 'g1', name: 'Amazon' }],
      entries: [
        { ...ENTRY, groups: ['missing', 'g1'] },
        { ...ENTRY, groups: [] },
      ],
    })
    expect((await imported(v3)).accounts.map((account) => account.group)).toEqual(['Amazon', undefined])
    const v1 = plainVault({ version: 1, entries: [{ ...ENTRY, group: 'Work' }] })
    expect((await imported(v1)).accounts).toEqual([{ ...vector(1), group: 'Work' }])
  })

  it('reports entries it cannot import and keeps the others', async () => {
    const vault = plainVault({
      version: 2,
      entries: [
        { ...ENTRY, type: 'motp', info: { secret: '0123', algo: 'MD5', digits: 6, period: 10, pin: '1234' } },
        { ...ENTRY, type: 'yandex' },
        { ...ENTRY, info: { ...ENTRY.info, algo: 'MD5' } },
        { ...ENTRY, info: { ...ENTRY.info, digits: 12 } },
        { ...ENTRY, info: { algo: 'SHA1' } },
        'junk',
        ENTRY,
      ],
    })
    const result = await imported(vault)
    expect(result.accounts).toEqual([vector(1)])
    expect(result.errors.map((error) => error.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(result.errors[0]).toEqual({ index: 0, name: 'Deno / Mason', message: expect.stringContaining('"motp" entries are not supported') })
  })

  it('refuses a field of the wrong type instead of defaulting it (digits "8" is not 6 digits)', async () => {
    const vault = plainVault({
      version: 3,
      entries: [
        { ...ENTRY, info: { ...ENTRY.info, digits: '8' } },
        { ...ENTRY, info: { ...ENTRY.info, period: '60' } },
        { ...ENTRY, type: 'hotp', info: { ...ENTRY.info, counter: '5' } },
        { ...ENTRY, name: 42 },
        { ...ENTRY, info: { ...ENTRY.info, secret: 12345 } },
        { ...ENTRY, info: 'secret' },
        { ...ENTRY, info: { ...ENTRY.info, digits: null } },
      ],
    })
    const result = await imported(vault)
    expect(result.errors.map((error) => error.message)).toEqual([
      'The field "info.digits" holds the text "8", but must be a number.',
      'The field "info.period" holds the text "60", but must be a number.',
      'The field "info.counter" holds the text "5", but must be a number.',
      'The field "name" holds the number 42, but must be text.',
      'The field "info.secret" holds a number, but must be text.',
      'The field "info" holds the text "secret", but must be an object.',
    ])
    // null is "no value", as exporters write it: the format's default (6 digits) applies.
    expect(result.accounts).toEqual([vector(1)])
  })

  it('names the source field when a value of the right type is out of range', async () => {
    const result = await imported(plainVault({ version: 3, entries: [{ ...ENTRY, info: { ...ENTRY.info, digits: 12 } }] }))
    expect(result.errors[0]?.message).toBe('Field "info.digits": Codes of 12 digits are not supported; codes have 6 to 8 digits.')
  })

  it('refuses newer or damaged versions', async () => {
    expect(await importAegis(JSON.stringify({ version: 2, header: {}, db: {} }))).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 2 } })
    expect(await importAegis(plainVault({ version: 4, entries: [] }))).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 4 } })
    expect(await importAegis(plainVault({ version: 'x', entries: [] }))).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    expect(await importAegis('{"version":1}')).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it('a vault with only a biometric slot cannot be opened here', async () => {
    const vault = JSON.stringify({ version: 1, header: { slots: [{ type: 2, key: 'aa', key_params: {} }], params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) } }, db: 'AAAA' })
    expect(await importAegis(vault, { password: 'x' })).toMatchObject({ ok: false, error: { kind: 'unsupported-encryption' } })
  })

  it('refuses absurd scrypt parameters without running them', async () => {
    const vault = await encryptedVault({ version: 3, entries: [ENTRY] }, Buffer.from('pw'))
    const doc = JSON.parse(vault) as { header: { slots: Record<string, unknown>[] } }
    for (const n of [2 ** 24, 3, 0]) {
      const slot = doc.header.slots[0]
      if (slot) slot.n = n
      expect(await importAegis(JSON.stringify(doc), { password: 'pw' })).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
    }
  })

  it('opens slots keyed the pre-2019 way (not "repaired", Aegis issue #95)', async () => {
    const password = 'correct horse battery'
    const legacy = passwordBytes(password, false)[1]
    if (!legacy) throw new Error('expected legacy bytes')
    const vault = await encryptedVault({ version: 3, entries: [ENTRY] }, legacy, { repaired: false })
    expect((await imported(vault, password)).accounts).toEqual([vector(1)])
  })

  it('password bytes as old Aegis made them: buffer of ⌊1.1·length⌋ growing as 2n + 1', () => {
    expect(passwordBytes('test', false)).toEqual([new Uint8Array(Buffer.from('test'))])
    const [utf8, legacy] = passwordBytes('abcdefghij', false)
    expect(utf8?.length).toBe(10)
    expect(legacy).toEqual(new Uint8Array([...Buffer.from('abcdefghij'), 0]))
    // 5 characters, 10 bytes: 5 → 11.
    expect(passwordBytes('ééééé', false)[1]?.length).toBe(11)
    expect(passwordBytes('abcdefghij', true)).toHaveLength(1)
  })

  it('fuzz: random entries in a plain vault always give a typed result', async () => {
    const entry = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('totp', 'hotp', 'steam', 'motp', 1), name: fc.anything(), issuer: fc.anything(), groups: fc.anything(), info: fc.dictionary(fc.constantFrom('secret', 'algo', 'digits', 'period', 'counter'), fc.anything()) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 5 }), fc.anything(), async (entries, groups) => {
        expectTypedResult(await importAegis(plainVault({ version: 3, entries, groups })))
      }),
      fuzzRuns(300),
    )
  })

  it('fuzz: random bytes always give a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expectTypedResult(await importAegis(Buffer.from(bytes).toString('utf8'), { password: 'x' }))
      }),
      fuzzRuns(300),
    )
  })
})
