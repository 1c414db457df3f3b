import { describe, expect, it } from 'vitest'
import { gcmOpen } from './aes-gcm'
import { importAegis } from './aegis'
import { AEGIS_SCRYPT, exportAegisVault } from './aegis-export'
import { decodeHex } from './encoding'
import { deriveScrypt } from './kdf'
import { VECTORS } from '../../../test/helpers/transfer-support'
import type { ImportedAccount } from './types'

const ACCOUNTS: ImportedAccount[] = VECTORS.map((account, index) => (index % 3 === 0 ? { ...account, group: index === 0 ? 'Amazon EU' : 'Other' } : account))

async function exported(options: Parameters<typeof exportAegisVault>[1]): Promise<string> {
  const result = await exportAegisVault(ACCOUNTS, options)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

type Slot = { type: number; uuid: string; key: string; key_params: { nonce: string; tag: string }; n: number; r: number; p: number; salt: string; repaired: boolean }
type Vault = { version: number; header: { slots: Slot[] | null; params: { nonce: string; tag: string } | null }; db: unknown }
type Entry = { type: string; uuid: string; name: string; issuer: string; info: Record<string, unknown>; groups: string[] }
type Content = { version: number; entries: Entry[]; groups: { uuid: string; name: string }[] }

/** Opens the vault the way Aegis does (docs/vault.md), independently of aegis-unlock.ts. */
async function openContent(vault: Vault, password: string): Promise<Content> {
  const slot = vault.header.slots?.[0]
  const params = vault.header.params
  if (!slot || !params || typeof vault.db !== 'string') throw new Error('not an encrypted vault')
  const hex = (text: string) => decodeHex(text) ?? new Uint8Array(0)
  const wrapping = await deriveScrypt(password, hex(slot.salt), { N: slot.n, r: slot.r, p: slot.p })
  const master = wrapping && gcmOpen(wrapping, hex(slot.key_params.nonce), hex(slot.key), hex(slot.key_params.tag))
  const content = master && gcmOpen(master, hex(params.nonce), Buffer.from(vault.db, 'base64'), hex(params.tag))
  if (!content) throw new Error('could not open')
  return JSON.parse(Buffer.from(content).toString('utf8')) as Content
}

describe('Aegis vault export', () => {
  it('round trip: encrypted export, then our Aegis import, gives the same accounts and groups', async () => {
    const text = await exported({ password: 'hunter2 ✓' })
    expect(await importAegis(text, { password: 'hunter2 ✓' })).toEqual({ ok: true, value: { format: 'aegis', accounts: ACCOUNTS, errors: [], warnings: [] } })
    expect(await importAegis(text, { password: 'hunter2' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
  })

  it('has the structure Aegis reads: version 1, a password slot (type 1, scrypt 2^15/8/1), db content version 3', async () => {
    const vault = JSON.parse(await exported({ password: 'pw' })) as Vault
    expect(vault.version).toBe(1)
    const slot = vault.header.slots?.[0]
    expect(vault.header.slots).toHaveLength(1)
    expect(slot).toMatchObject({ type: 1, n: AEGIS_SCRYPT.N, r: 8, p: 1, repaired: true })
    expect(slot?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Hex: 32-byte key and salt, 12-byte nonces, 16-byte tags (Slot.fromJson, CryptParameters.fromJson).
    expect(slot?.key).toMatch(/^[0-9a-f]{64}$/)
    expect(slot?.salt).toMatch(/^[0-9a-f]{64}$/)
    expect([slot?.key_params.nonce, vault.header.params?.nonce]).toEqual([expect.stringMatching(/^[0-9a-f]{24}$/), expect.stringMatching(/^[0-9a-f]{24}$/)])
    expect([slot?.key_params.tag, vault.header.params?.tag]).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)])
    expect(vault.db).toEqual(expect.stringMatching(/^[A-Za-z0-9+/]+=*$/))

    const content = await openContent(vault, 'pw')
    expect(content.version).toBe(3)
    expect(content.groups.map((group) => group.name)).toEqual(['Amazon EU', 'Other'])
    const [totp, , , hotp, , , steam] = content.entries
    expect(totp).toMatchObject({ type: 'totp', name: 'Mason', issuer: 'Deno', info: { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algo: 'SHA1', digits: 6, period: 30 }, groups: [content.groups[0]?.uuid] })
    expect(hotp).toMatchObject({ type: 'hotp', name: 'James', issuer: 'Issuu', info: { algo: 'SHA1', digits: 6, counter: 1 }, groups: [content.groups[1]?.uuid] })
    expect(hotp?.info).not.toHaveProperty('period')
    expect(steam).toMatchObject({ type: 'steam', info: { algo: 'SHA1', digits: 5, period: 30 } })
    for (const entry of content.entries) expect(Object.keys(entry)).toEqual(expect.arrayContaining(['type', 'uuid', 'name', 'issuer', 'note', 'favorite', 'icon', 'info', 'groups']))
    expect(new Set(content.entries.map((entry) => entry.uuid)).size).toBe(content.entries.length)
  })

  it('is encrypted unless plain is asked for explicitly', async () => {
    expect(await exportAegisVault(ACCOUNTS, {})).toMatchObject({ ok: false, error: { kind: 'password-required' } })
    expect(await exportAegisVault(ACCOUNTS, { password: '', plain: false })).toMatchObject({ ok: false, error: { kind: 'password-required' } })
    const plain = await exported({ plain: true })
    const vault = JSON.parse(plain) as Vault
    expect(vault.header).toEqual({ slots: null, params: null })
    expect(vault.db).toMatchObject({ version: 3 })
    expect(await importAegis(plain)).toEqual({ ok: true, value: { format: 'aegis', accounts: ACCOUNTS, errors: [], warnings: [] } })
  })

  it('refuses an account without a valid key', async () => {
    const result = await exportAegisVault([...ACCOUNTS, { ...VECTORS[0], secret: 'nope' } as ImportedAccount], { plain: true })
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-account', index: 7 } })
  })
})
