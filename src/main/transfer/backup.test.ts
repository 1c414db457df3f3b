import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../shared/result'
import { decryptBackup, deriveBackupKey, encryptBackup, openBackup, readBackupHeader, sealBackup, type BackupError, type BackupOptions, type BackupPayload } from './backup'
import { DEFAULT_SCRYPT } from './backup-schema'
import { fuzzRuns, mutate, mutations } from '../../../test/helpers/transfer-support'

/** The least the reader accepts (N = 2^14, r = 8: ~70 ms here), so tests that decrypt many times stay fast. */
const FAST: BackupOptions = { kdf: { N: 2 ** 14, r: 8, p: 1 }, now: () => Date.UTC(2026, 4, 1, 12) }

const PAYLOAD: BackupPayload = {
  accounts: [
    { id: 'acc_0001_abcd', type: 'totp', issuer: 'Amazon', label: 'seller@example.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, secret: 'L4VJYQPAPM6YRJWC6AMU46YR2OUMAX3OSK2NODB6D6FCW3E5BZDV', group: 'EU', kind: 'seller-central', order: 0, createdAt: 1_700_000_000_000 },
    { id: 'acc_0002_efgh', type: 'hotp', issuer: 'Ünïcode ✓', label: '', algorithm: 'SHA512', digits: 8, period: 30, counter: 7, secret: 'JBSWY3DPEHPK3PXP', group: '', kind: 'other', order: 1, createdAt: 1_700_000_000_001, updatedAt: 1_700_000_000_002 },
  ],
  checklist: { done: ['passkey'] },
  settings: { theme: 'dark' },
}

async function encrypted(password = 'correct horse', options: BackupOptions = FAST): Promise<string> {
  const result = await encryptBackup(PAYLOAD, password, options)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function errorKind(result: Result<unknown, BackupError>): string {
  return result.ok ? 'ok' : result.error.kind
}

/** Rewrites a field of the file (as an attacker or a damaged copy would). */
function edited(text: string, edit: (doc: Record<string, Record<string, unknown>>) => void): string {
  const doc = JSON.parse(text) as Record<string, Record<string, unknown>>
  edit(doc)
  return JSON.stringify(doc, null, 2)
}

const KINDS = ['empty-password', 'not-a-backup', 'unsupported-version', 'weak-parameters', 'wrong-password-or-damaged', 'invalid-contents']

function expectTypedBackupError(result: Result<unknown, BackupError>): void {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(KINDS).toContain(result.error.kind)
  expect(result.error.message.length).toBeGreaterThan(0)
}

describe('SellerGuard backup', () => {
  it('round trip with the default scrypt parameters (N = 2^17, r = 8, p = 1)', async () => {
    const text = await encrypted('correct horse', {})
    const header = readBackupHeader(text)
    expect(header.ok && header.value.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT })
    expect(await decryptBackup(text, 'correct horse')).toEqual({ ok: true, value: PAYLOAD })
  })

  it('writes the documented header: format, version, createdAt, kdf with a 32-byte salt, cipher with a 12-byte nonce', async () => {
    const doc = JSON.parse(await encrypted()) as Record<string, unknown>
    expect(Object.keys(doc)).toEqual(['format', 'version', 'createdAt', 'kdf', 'cipher', 'ciphertext'])
    expect(doc).toMatchObject({ format: 'sellerguard-backup', version: 1, createdAt: '2026-05-01T12:00:00.000Z', kdf: { name: 'scrypt', N: 16384, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } })
    const { kdf, cipher } = doc as { kdf: { salt: string }; cipher: { nonce: string } }
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(32)
    expect(Buffer.from(cipher.nonce, 'base64')).toHaveLength(12)
    // No secret, issuer or label in clear.
    expect(JSON.stringify(doc)).not.toMatch(/L4VJYQ|Amazon|seller@/)
  })

  it('a wrong password is "wrong password or damaged": GCM cannot tell the two apart', async () => {
    const result = await decryptBackup(await encrypted(), 'correct horsE')
    expect(result).toMatchObject({ ok: false, error: { kind: 'wrong-password-or-damaged', message: expect.stringContaining('cannot tell') } })
  })

  it('the password is NFC-normalised: the same "é" typed as one or two code points opens it', async () => {
    const text = await encrypted('caf\u0065\u0301')
    expect(await decryptBackup(text, 'caf\u00e9')).toEqual({ ok: true, value: PAYLOAD })
  })

  it('refuses an empty password, both ways', async () => {
    expect(errorKind(await encryptBackup(PAYLOAD, '', FAST))).toBe('empty-password')
    expect(errorKind(await decryptBackup(await encrypted(), ''))).toBe('empty-password')
  })

  it('rejects any single flipped bit, in the header and in the ciphertext', async () => {
    const bytes = Buffer.from(await encrypted())
    const ciphertextStart = bytes.indexOf('"ciphertext"')
    // 20 positions spread over the header, 20 over the ciphertext, each with a different bit.
    const positions = [...Array.from({ length: 20 }, (_, i) => Math.floor((i * ciphertextStart) / 20)), ...Array.from({ length: 20 }, (_, i) => ciphertextStart + Math.floor(((i + 0.5) * (bytes.length - ciphertextStart)) / 20))]
    const kinds = new Set<string>()
    for (const [n, position] of positions.entries()) {
      const flipped = Buffer.from(bytes)
      flipped[position] = (flipped[position] ?? 0) ^ (1 << n % 8)
      const result = await decryptBackup(flipped.toString('utf8'), 'correct horse')
      expectTypedBackupError(result)
      kinds.add(errorKind(result))
    }
    expect(kinds).toContain('wrong-password-or-damaged')
    expect(kinds).toContain('not-a-backup')
  })

  it('authenticates the header: a changed date or stronger KDF is rejected too', async () => {
    const text = await encrypted()
    const newDate = edited(text, (doc) => {
      doc.createdAt = '2020-01-01T00:00:00.000Z' as unknown as Record<string, unknown>
    })
    expect(errorKind(await decryptBackup(newDate, 'correct horse'))).toBe('wrong-password-or-damaged')
    const moreWork = edited(text, (doc) => {
      if (doc.kdf) doc.kdf.N = 2 ** 15
    })
    expect(errorKind(await decryptBackup(moreWork, 'correct horse'))).toBe('wrong-password-or-damaged')
  })

  it.each([
    ['N too small', { N: 2 ** 10 }],
    ['r too small', { r: 1 }],
    ['N not a power of two', { N: 20_000 }],
    ['N absurd (memory)', { N: 2 ** 30 }],
    ['N·r·p absurd (time)', { N: 2 ** 18, p: 16 }],
    ['p zero', { p: 0 }],
  ])('refuses weak or absurd KDF parameters without running them: %s', async (_, change) => {
    const text = edited(await encrypted(), (doc) => {
      doc.kdf = { ...doc.kdf, ...change }
    })
    const started = performance.now()
    expect(errorKind(await decryptBackup(text, 'correct horse'))).toBe('weak-parameters')
    // Running them would take seconds (or gigabytes): refusing is immediate.
    expect(performance.now() - started).toBeLessThan(500)
    const { N, r, p } = { ...{ N: 2 ** 14, r: 8, p: 1 }, ...change }
    expect(errorKind(await encryptBackup(PAYLOAD, 'pw', { kdf: { N, r, p } }))).toBe('weak-parameters')
  })

  it('tells other files, newer versions and damaged headers apart', async () => {
    const text = await encrypted()
    expect(errorKind(await decryptBackup('not json', 'pw'))).toBe('not-a-backup')
    expect(errorKind(await decryptBackup('{"format":"aegis"}', 'pw'))).toBe('not-a-backup')
    expect(await decryptBackup(edited(text, (doc) => (doc.version = 2 as unknown as Record<string, unknown>)), 'pw')).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 2 } })
    expect(errorKind(await decryptBackup(edited(text, (doc) => (doc.extra = {})), 'pw'))).toBe('not-a-backup')
    expect(errorKind(await decryptBackup(edited(text, (doc) => (doc.cipher = { name: 'aes-256-gcm', nonce: 'AAAA' })), 'pw'))).toBe('not-a-backup')
    // Base64 with non-zero unused bits in its last character: only the canonical spelling is accepted.
    const ciphertext = (JSON.parse(text) as { ciphertext: string }).ciphertext
    if (ciphertext.endsWith('==')) {
      const last = ciphertext.charAt(ciphertext.length - 3)
      const other = ciphertext.slice(0, -3) + String.fromCharCode(last.charCodeAt(0) ^ 1) + '=='
      expect(errorKind(await decryptBackup(edited(text, (doc) => (doc.ciphertext = other as unknown as Record<string, unknown>)), 'correct horse'))).not.toBe('ok')
    }
  })

  it('refuses to write a payload it could not read back', async () => {
    const bad = { accounts: [{ ...PAYLOAD.accounts[0], secret: 'not base32' }] } as unknown as BackupPayload
    expect(errorKind(await encryptBackup(bad, 'pw', FAST))).toBe('invalid-contents')
  })

  it('fuzz: random text never throws and is never taken for a backup', async () => {
    const header = fc.record({ format: fc.constantFrom('sellerguard-backup', 'x'), version: fc.anything(), createdAt: fc.anything(), kdf: fc.anything(), cipher: fc.anything(), ciphertext: fc.anything() }, { requiredKeys: [] })
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), header.map((doc) => JSON.stringify(doc))), async (text) => {
        expectTypedBackupError(await decryptBackup(text, 'pw'))
      }),
      fuzzRuns(300),
    )
  })

  it('fuzz: a mutated backup (flip/insert/delete bytes) is always rejected with a typed error', async () => {
    const original = Buffer.from(await encrypted())
    await fc.assert(
      fc.asyncProperty(mutations, async (edits) => {
        const text = Buffer.from(mutate(original, edits)).toString('utf8')
        // An edit may land in insignificant whitespace and leave the file intact: then it must still open.
        const result = await decryptBackup(text, 'correct horse')
        if (result.ok) expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(JSON.parse(original.toString('utf8'))))
        else expectTypedBackupError(result)
      }),
      fuzzRuns(25),
    )
  })
})

describe('SellerGuard backup with a key derived once (automatic backups)', () => {
  it('seals many backups with one derived key; each opens with the key and, on its own, with the password', async () => {
    const key = await deriveBackupKey('correct horse', FAST.kdf)
    if (!key.ok) throw new Error(key.error.message)
    const first = sealBackup(PAYLOAD, key.value, Date.UTC(2026, 4, 1))
    const second = sealBackup(PAYLOAD, key.value, Date.UTC(2026, 4, 2))
    if (!first.ok || !second.ok) throw new Error('seal failed')
    // A fresh nonce each time, one salt.
    const [a, b] = [first.value, second.value].map((t) => JSON.parse(t) as { kdf: { salt: string }; cipher: { nonce: string } })
    expect(a!.kdf.salt).toBe(b!.kdf.salt)
    expect(a!.cipher.nonce).not.toBe(b!.cipher.nonce)
    expect(openBackup(second.value, key.value)).toEqual({ ok: true, value: PAYLOAD })
    expect(await decryptBackup(second.value, 'correct horse')).toEqual({ ok: true, value: PAYLOAD })
  })

  it('a key refuses a file sealed with another salt or a changed file, as a wrong password', async () => {
    const key = await deriveBackupKey('correct horse', FAST.kdf)
    const other = await deriveBackupKey('correct horse', FAST.kdf)
    if (!key.ok || !other.ok) throw new Error('derive failed')
    const text = sealBackup(PAYLOAD, other.value, 0)
    if (!text.ok) throw new Error('seal failed')
    expect(errorKind(openBackup(text.value, key.value))).toBe('wrong-password-or-damaged')
    const mine = sealBackup(PAYLOAD, key.value, 0)
    if (!mine.ok) throw new Error('seal failed')
    const tampered = edited(mine.value, (doc) => {
      doc.createdAt = '2030-01-01T00:00:00.000Z' as never
    })
    expect(errorKind(openBackup(tampered, key.value))).toBe('wrong-password-or-damaged')
    expect(errorKind(openBackup(mine.value.slice(0, mine.value.length / 2), key.value))).toBe('not-a-backup')
  })

  it('refuses an empty password and weak parameters before deriving anything', async () => {
    expect(errorKind(await deriveBackupKey(''))).toBe('empty-password')
    expect(errorKind(await deriveBackupKey('pw', { N: 2 ** 10, r: 8, p: 1 }))).toBe('weak-parameters')
  })
})
