import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase32 } from '../otp/base32'
import { importProton } from './proton'
import { expectTypedResult, fuzzRuns, mutate, mutations, vector } from '../../../test/helpers/transfer-support'

/*
 * No real Proton export is among the shared fixtures. These files follow the
 * exporter in protonpass/proton-pass-common (proton-authenticator/src/entry/exporter.rs:
 * ExportedAuthenticatorEntry { id, content { uri, entry_type, name }, note }, version 1)
 * and the shape of Aegis's test file proton_authenticator.json.
 */
function entry(uri: string, entryType: string, name: string) {
  return { id: `${name}-id`, content: { uri, entry_type: entryType, name }, note: null }
}

function imported(doc: unknown) {
  const result = importProton(JSON.stringify(doc))
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

const STEAM_BASE32 = 'JRZCL47CMXVOQMNPZR2F7J4RGI'

describe('Proton Authenticator export', () => {
  it('reads TOTP entries from their otpauth URI', () => {
    const doc = {
      version: 1,
      entries: [
        entry('otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30', 'Totp', 'Mason'),
        entry('otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20', 'Totp', 'James'),
      ],
    }
    expect(imported(doc)).toEqual({ format: 'proton', accounts: [vector(1), vector(2)], errors: [], warnings: [] })
  })

  it('names an account from `name` when its URI has no account name', () => {
    const doc = { version: 1, entries: [entry('otpauth://totp/?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno', 'Totp', 'Mason')] }
    expect(imported(doc).accounts).toEqual([vector(1)])
  })

  it('reads Steam entries, base32 or base64 (as Steam issues them)', () => {
    const base64 = Buffer.from(decodeBase32(STEAM_BASE32)).toString('base64').replace(/=+$/, '')
    const doc = { version: 1, entries: [entry(`steam://${STEAM_BASE32}`, 'Steam', 'Sophia'), entry(`steam://${base64}`, 'Steam', 'Sophia')] }
    const steam = { ...vector(7), issuer: 'Steam' }
    expect(imported(doc).accounts).toEqual([steam, steam])
  })

  it('reports bad entries and keeps the rest', () => {
    const doc = { version: 1, entries: [entry('otpauth://totp/x?secret=!', 'Totp', 'x'), entry('nope', 'Steam', 's'), entry('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'Yandex', 'y'), {}, entry('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'Totp', 'ok')] }
    const result = imported(doc)
    expect(result.accounts).toHaveLength(1)
    expect(result.errors.map((error) => [error.index, error.name])).toEqual([
      [0, 'x'],
      [1, 's'],
      [2, 'y'],
      [3, undefined],
    ])
  })

  it('refuses a field of the wrong type instead of defaulting it', () => {
    const doc = { version: 1, entries: [{ id: 'a', content: { uri: 5, entry_type: 'Totp', name: 'x' } }, { id: 'b', content: { uri: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI', entry_type: 1, name: 'y' } }] }
    expect(imported(doc).errors.map((error) => error.message)).toEqual([
      'The field "content.uri" holds a number, but must be text.',
      'The field "content.entry_type" holds the number 1, but must be text.',
    ])
  })

  it('password-protected exports (Argon2id) and newer versions are refused with a typed error', () => {
    expect(importProton(JSON.stringify({ version: 1, salt: 'c2FsdA==', content: 'AAAA' }))).toMatchObject({ ok: false, error: { kind: 'unsupported-encryption', format: 'proton' } })
    expect(importProton(JSON.stringify({ version: 2, entries: [] }))).toMatchObject({ ok: false, error: { kind: 'unsupported-version', version: 2 } })
    expect(importProton(JSON.stringify({ version: 0.5, entries: [] }))).toMatchObject({ ok: false, error: { kind: 'bad-file' } })
  })

  it('fuzz: random entries always give a typed result', () => {
    const content = fc.record({ uri: fc.oneof(fc.anything(), fc.string(), fc.constantFrom('steam://', `steam://${STEAM_BASE32}`, 'otpauth://totp/a?secret=')), entry_type: fc.oneof(fc.anything(), fc.constantFrom('Totp', 'Steam')), name: fc.anything() })
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ content })), { maxLength: 5 }), (entries) => {
        expectTypedResult(importProton(JSON.stringify({ version: 1, entries })))
      }),
      fuzzRuns(300),
    )
  })

  it('fuzz: mutated exports always give a typed result', () => {
    const original = Buffer.from(JSON.stringify({ version: 1, entries: [entry('otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno', 'Totp', 'Mason'), entry(`steam://${STEAM_BASE32}`, 'Steam', 'Sophia')] }))
    fc.assert(
      fc.property(mutations, (edits) => {
        expectTypedResult(importProton(Buffer.from(mutate(original, edits)).toString('utf8')))
      }),
      fuzzRuns(300),
    )
  })
})
