import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importBitwarden } from './bitwarden'
import { expectTypedResult, fuzzRuns, interopMissing, interopPresent, needs, mutate, mutations, readInterop, vector } from '../../../test/helpers/transfer-support'

function imported(text: string) {
  const result = importBitwarden(text)
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value
}

function item(name: string, totp: string | null, extra: Record<string, unknown> = {}, username: string | null = null) {
  return { id: name, organizationId: null, folderId: null, type: 1, name, notes: null, favorite: false, login: { uris: null, username, password: null, totp }, collectionIds: null, ...extra }
}

needs(interopMissing).describe('Bitwarden JSON: Aegis test file', () => {
  const file = interopPresent ? readInterop('aegis/bitwarden.json') : Buffer.alloc(0)

  it('#1, #2, #3 from otpauth URIs exactly; #7 from steam:// (the file names no issuer or account for it)', () => {
    const result = imported(file.toString('utf8'))
    expect(result.errors).toEqual([])
    // steam://SECRET carries only the key: the item's name is the issuer, and it has no username.
    expect(result.accounts).toEqual([vector(1), vector(2), vector(3), { ...vector(7), issuer: 'Test Steam', label: '' }])
  })

  it('fuzz: mutated export always gives a typed result', () => {
    fc.assert(
      fc.property(mutations, (edits) => {
        expectTypedResult(importBitwarden(Buffer.from(mutate(file, edits)).toString('utf8')))
      }),
      fuzzRuns(300),
    )
  })
})

describe('Bitwarden JSON', () => {
  it('a bare base32 key: TOTP defaults, item name as issuer, username as label, folder as group', () => {
    const doc = {
      encrypted: false,
      folders: [{ id: 'f1', name: 'Marketplaces' }],
      items: [item('Deno', '4SJH B4GS D43F ZBAI 7C2H LRJG PQ', { folderId: 'f1' }, 'Mason'), item('Note only', null), { type: 2, name: 'secure note' }],
    }
    expect(imported(JSON.stringify(doc)).accounts).toEqual([{ ...vector(1), group: 'Marketplaces' }])
  })

  it('fills a URI without issuer or account name from the item', () => {
    const doc = { items: [item('Deno', 'otpauth://totp/?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ', {}, 'Mason')] }
    expect(imported(JSON.stringify(doc)).accounts).toEqual([vector(1)])
  })

  it('reports keys it cannot read, with the item name', () => {
    const doc = { items: [item('Bad', 'otpauth://totp/x?secret=1'), item('Worse', 'hello'), item('Steam', 'steam://'), item('Ok', 'JBSWY3DPEHPK3PXP')] }
    const result = imported(JSON.stringify(doc))
    expect(result.accounts.map((account) => account.issuer)).toEqual(['Ok'])
    expect(result.errors.map((error) => [error.index, error.name])).toEqual([
      [0, 'Bad'],
      [1, 'Worse'],
      [2, 'Steam'],
    ])
  })

  it('refuses a field of the wrong type instead of defaulting it; items without a key stay skipped', () => {
    const doc = { items: [item('Deno', 'JBSWY3DPEHPK3PXP', { login: { username: 'Mason', totp: 12345 } }), item('Odd', 'JBSWY3DPEHPK3PXP', { folderId: 3 }), { type: 2, name: 9, login: null }] }
    const result = imported(JSON.stringify(doc))
    expect(result.accounts).toEqual([])
    expect(result.errors.map((error) => [error.index, error.message])).toEqual([
      [0, 'The field "login.totp" holds a number, but must be text.'],
      [1, 'The field "folderId" holds the number 3, but must be text.'],
    ])
  })

  it('asks for an unencrypted export when the file is encrypted', () => {
    const passwordProtected = { encrypted: true, passwordProtected: true, salt: 'abc', kdfType: 0, kdfIterations: 600000, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', data: '2.a|b|c' }
    const accountRestricted = { encrypted: true, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', folders: [], items: [item('x', '2.enc|enc|enc')] }
    for (const doc of [passwordProtected, accountRestricted]) {
      expect(importBitwarden(JSON.stringify(doc))).toMatchObject({ ok: false, error: { kind: 'unsupported-encryption', format: 'bitwarden', message: expect.stringContaining('.json') } })
    }
  })

  it('fuzz: random items always give a typed result', () => {
    const login = fc.record({ username: fc.anything(), totp: fc.oneof(fc.anything(), fc.string(), fc.constantFrom('steam://', 'otpauth://totp/a?secret=', 'steam://AAAAAAAAAAAAAAAA', 'steam://abc+/==')) })
    const anyItem = fc.oneof(fc.anything(), fc.record({ name: fc.anything(), folderId: fc.anything(), login }))
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 5 }), fc.anything(), (items, folders) => {
        expectTypedResult(importBitwarden(JSON.stringify({ encrypted: false, folders, items })))
      }),
      fuzzRuns(300),
    )
  })
})
