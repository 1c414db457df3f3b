import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encryptBackup } from './backup'
import { importFile, MAX_IMPORT_BYTES } from './detect'
import { expectTypedResult, fuzzRuns, interopMissing, needs, mutate, mutations, readInterop } from '../../../test/helpers/transfer-support'
import type { ImportFormat } from './types'

const FIXTURES: readonly (readonly [string, ImportFormat, number])[] = [
  ['aegis/plain.txt', 'otpauth-list', 7],
  ['aegis/aegis_plain.json', 'aegis', 7],
  ['aegis/aegis_encrypted.json', 'aegis', 7],
  ['aegis/2fas_authenticator_plain.2fas', '2fas', 4],
  ['aegis/2fas_authenticator_encrypted.2fas', '2fas', 4],
  ['aegis/bitwarden.json', 'bitwarden', 4],
  ['google-migration/example_export.txt', 'google-migration', 6],
]

needs(interopMissing).describe('importFile: format detection on real exports', () => {
  it.each(FIXTURES)('%s is read as %s (%i accounts), from bytes and from text', async (file, format, count) => {
    const bytes = new Uint8Array(readInterop(file))
    for (const input of [bytes, Buffer.from(bytes).toString('utf8')]) {
      const result = await importFile(input, { password: 'test' })
      expect(result).toMatchObject({ ok: true, value: { format, errors: [] } })
      if (result.ok) expect(result.value.accounts).toHaveLength(count)
    }
  })

  it('fuzz: mutated real exports of every format always give a typed result', async () => {
    const originals = FIXTURES.map(([file]) => new Uint8Array(readInterop(file)))
    await fc.assert(
      fc.asyncProperty(fc.nat(originals.length - 1), mutations, async (which, edits) => {
        // No password: encrypted files stop at password-required, so the run stays fast.
        expectTypedResult(await importFile(mutate(originals[which] ?? new Uint8Array(0), edits)))
      }),
      fuzzRuns(300),
    )
  })
})

describe('importFile', () => {
  it('recognises Proton Authenticator JSON by content', async () => {
    const doc = { version: 1, entries: [{ id: '1', content: { uri: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A', entry_type: 'Totp', name: 'b' }, note: null }] }
    expect(await importFile(JSON.stringify(doc))).toMatchObject({ ok: true, value: { format: 'proton', accounts: [{ issuer: 'A', label: 'b' }] } })
  })

  it('skips a UTF-8 byte-order mark and leading whitespace', async () => {
    const text = '\uFEFF\n  otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'
    expect(await importFile(new Uint8Array(Buffer.from(text)))).toMatchObject({ ok: true, value: { format: 'otpauth-list' } })
    expect(await importFile(text)).toMatchObject({ ok: true, value: { format: 'otpauth-list' } })
  })

  it('reads UTF-16 text files with a byte-order mark (Notepad\'s "Unicode")', async () => {
    const text = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])
    for (const bytes of [le, be]) expect(await importFile(bytes)).toMatchObject({ ok: true, value: { format: 'otpauth-list', accounts: [{ issuer: 'A' }] } })
  })

  it('sends a SellerGuard backup to "restore" instead', async () => {
    const backup = await encryptBackup({ accounts: [] }, 'pw', { kdf: { N: 2 ** 14, r: 8, p: 1 } })
    if (!backup.ok) throw new Error(backup.error.message)
    expect(await importFile(backup.value)).toMatchObject({ ok: false, error: { kind: 'sellerguard-backup' } })
  })

  it.each([
    ['binary (not UTF-8)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]), 'unrecognised-format'],
    ['plain prose', 'Dear diary', 'unrecognised-format'],
    ['unknown JSON', '{"hello":"world"}', 'unrecognised-format'],
    ['broken JSON', '{"version": 1, "header": ', 'bad-file'],
    ['empty', '', 'unrecognised-format'],
  ])('%s → %s', async (_, input, kind) => {
    expect(await importFile(input)).toMatchObject({ ok: false, error: { kind } })
  })

  it('refuses files over the size limit without reading them', async () => {
    expect(await importFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, error: { kind: 'too-large', limitBytes: MAX_IMPORT_BYTES } })
  })

  it('fuzz: random bytes always give a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('', '{', 'otpauth://', 'otpauth-migration://offline?data='), async (bytes, prefix) => {
        expectTypedResult(await importFile(new Uint8Array([...Buffer.from(prefix), ...bytes]), { password: 'x' }))
      }),
      fuzzRuns(400),
    )
  })
})
