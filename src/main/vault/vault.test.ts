import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { normaliseKey } from '../otp/base32'
import { codeFrame } from '../otp/generate'
import { createAccountStore } from './account-store'
import { workerSecretStore } from '../../../test/helpers/keychain-worker'
import type { KeychainClient } from './keychain-client'
import { BACKUP_PASSWORD_ID, type SecretStore } from './secret-store'
import { createVault, type AccountDraft, type VaultDeps } from './vault'

/**
 * The vault against the real keychain: gnome-keyring over D-Bus
 * (npm test runs this inside scripts/with-keyring.sh). Each test uses its own
 * keychain service name so parallel files never see each other's items.
 */
const AMAZON_KEY = 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW'
const key = (text: string) => {
  const k = normaliseKey(text)
  if (!k.ok) throw new Error(k.error.message)
  return k.value
}
const randomKey = () => key(randomBytes(20).toString('hex').toUpperCase().replace(/[^A-Z2-7]/g, 'A').slice(0, 32))
const draft = (issuer: string, label = 'seller@example.com'): AccountDraft => ({
  type: 'totp',
  issuer,
  label,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  group: '',
  kind: 'seller-central',
})

describe('vault on the real keychain', () => {
  let dir: string
  let service: string
  let secrets: KeychainClient
  const log = createMemoryLogger()
  const vaults: Array<{ dispose(): Promise<void> }> = []

  beforeEach(async () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run under scripts/with-keyring.sh (npm run test:unit does)').toBeTruthy()
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-vault-'))
    service = `SellerGuardTest-${randomBytes(6).toString('hex')}`
    // The app's path: every call in the keychain worker process.
    secrets = await workerSecretStore(service)
  })
  afterEach(async () => {
    await Promise.all(vaults.splice(0).map((v) => v.dispose()))
    for (const item of await secrets.list()) await secrets.delete(item.id)
    secrets.close()
    await fs.rm(dir, { recursive: true, force: true })
  })

  const open = async (extra: Partial<VaultDeps> = {}) => {
    const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log, ...extra })
    vaults.push(vault)
    await vault.start()
    return vault
  }

  it('probes an unlocked, empty keychain as ready', async () => {
    const vault = await open()
    expect(vault.status()).toMatchObject({ state: 'ready', missingSecrets: [], orphanSecrets: [], metadataProblem: null })
  })

  it('keeps the secret in the keychain and only metadata on disk', async () => {
    const vault = await open()
    const added = await vault.add(draft('Amazon'), key(AMAZON_KEY))
    expect(added.ok).toBe(true)
    if (!added.ok) return
    expect(await secrets.get(added.value.id)).toBe(key(AMAZON_KEY).base32)
    const file = await fs.readFile(path.join(dir, 'accounts.json'), 'utf8')
    expect(file).toContain('"issuer": "Amazon"')
    expect(file).not.toContain(key(AMAZON_KEY).base32)
    expect(file.toLowerCase()).not.toContain('jbswy3dp')
  })

  it('loads the same accounts and codes after a restart', async () => {
    const first = await open()
    const a = await first.add(draft('Amazon'), key(AMAZON_KEY))
    const b = await first.add(draft('KDP', 'author@example.com'), randomKey())
    if (!a.ok || !b.ok) throw new Error('add failed')
    const at = Date.UTC(2026, 0, 1)
    const before = first.accounts().map((acc) => codeFrame(acc, first.key(acc.id)!, at).code)

    const second = await open()
    expect(second.accounts().map((acc) => acc.issuer)).toEqual(['Amazon', 'KDP'])
    expect(second.accounts().map((acc) => codeFrame(acc, second.key(acc.id)!, at).code)).toEqual(before)
    expect(second.status()).toMatchObject({ state: 'ready', loaded: 2, total: 2 })
  })

  it('streams secrets in batches, reporting progress', async () => {
    const first = await open()
    for (let i = 0; i < 12; i++) await first.add(draft(`Site ${i}`), randomKey())
    const progress: number[] = []
    const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log, batchSize: 3 })
    vaults.push(vault)
    vault.onChange((change) => change === 'keys' && progress.push(vault.status().loaded))
    await vault.start()
    // Published at 3, 6, 12, … loaded: the first codes come at once, then a few updates.
    expect(progress).toEqual([3, 6, 12])
  })

  it('an account added while the secrets load counts as loaded: the load ends with every key in', async () => {
    const first = await open()
    expect(await first.addMany(Array.from({ length: 200 }, (_, i) => ({ draft: draft(`Site ${i}`), key: randomKey() })))).toMatchObject({ ok: true })
    // One read at a time: the load takes longer than the add.
    const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log, readConcurrency: 1 })
    vaults.push(vault)
    let added: Promise<unknown> | null = null
    // As a user who adds an account the moment the keychain answers, before the other 200 keys are in.
    vault.onChange(() => {
      if (added === null && vault.status().state === 'ready') added = vault.add(draft('Added meanwhile'), randomKey())
    })
    await vault.start()
    expect(await added).toMatchObject({ ok: true })
    expect(vault.status()).toMatchObject({ state: 'ready', loaded: 201, total: 201 })
    expect(vault.accountIdsWithKey()?.size).toBe(201)
  })

  it('reports metadata without a secret and a secret without metadata, deleting neither', async () => {
    const first = await open()
    const a = await first.add(draft('Amazon'), key(AMAZON_KEY))
    if (!a.ok) throw new Error('add failed')
    await secrets.delete(a.value.id)
    await secrets.set('acc_orphanorphan', randomKey().base32)
    // The automatic backups' password lives beside the secrets and is no orphan.
    await secrets.set(BACKUP_PASSWORD_ID, 'a backup password')

    const second = await open()
    expect(second.status().missingSecrets).toEqual([{ id: a.value.id, issuer: 'Amazon', label: 'seller@example.com' }])
    expect(second.status().orphanSecrets).toEqual(['acc_orphanorphan'])
    expect(second.accounts()).toHaveLength(1)
    expect(await secrets.get('acc_orphanorphan')).not.toBeNull()
  })

  it('refuses a duplicate of an account already there', async () => {
    const vault = await open()
    await vault.add(draft('Amazon'), key(AMAZON_KEY))
    expect(await vault.add(draft('Amazon'), key(AMAZON_KEY.toLowerCase()))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(vault.accounts()).toHaveLength(1)
  })

  it('finds duplicates for add as import does: names match ignoring case and spaces', async () => {
    const vault = await open()
    await vault.add(draft('Amazon'), key(AMAZON_KEY))
    expect(await vault.add(draft(' AMAZON ', 'Seller@Example.com'), key(AMAZON_KEY))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect((await vault.duplicatesOf([{ issuer: 'amazon', label: 'seller@example.com', secret: AMAZON_KEY }])).existing).toHaveLength(1)
    expect(vault.accounts()).toHaveLength(1)
  })

  it('deletes metadata first, keeps the secret for the undo window, then deletes it', async () => {
    let fire: (() => void) | null = null
    const vault = await open({ setTimer: (fn) => ((fire = fn), 1), clearTimer: () => (fire = null) })
    const a = await vault.add(draft('Amazon'), key(AMAZON_KEY))
    if (!a.ok) throw new Error('add failed')
    const removed = await vault.remove(a.value.id)
    expect(removed.ok).toBe(true)
    expect(vault.accounts()).toEqual([])
    expect(await secrets.get(a.value.id)).not.toBeNull()

    expect(await vault.undoRemove(a.value.id)).toMatchObject({ ok: true })
    expect(vault.accounts().map((x) => x.id)).toEqual([a.value.id])
    expect(fire).toBeNull()

    await vault.remove(a.value.id)
    fire!()
    await vault.dispose()
    expect(await secrets.get(a.value.id)).toBeNull()
    expect(await vault.undoRemove(a.value.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } })
  })

  it('carries out pending deletions on dispose', async () => {
    const vault = await open({ undoWindowMs: 60_000 })
    const a = await vault.add(draft('Amazon'), key(AMAZON_KEY))
    if (!a.ok) throw new Error('add failed')
    await vault.remove(a.value.id)
    await vault.dispose()
    expect(await secrets.get(a.value.id)).toBeNull()
  })

  it('renames, regroups and reorders, and persists it', async () => {
    const vault = await open()
    const ids: string[] = []
    for (const name of ['A', 'B', 'C']) {
      const r = await vault.add(draft(name), randomKey())
      if (r.ok) ids.push(r.value.id)
    }
    await vault.update({ id: ids[0]!, issuer: 'Amazon EU', group: 'Europe', kind: 'kdp' })
    await vault.reorder([ids[2]!, ids[0]!])
    const reopened = await open()
    expect(reopened.accounts().map((a) => a.issuer)).toEqual(['C', 'Amazon EU', 'B'])
    expect(reopened.get(ids[0]!)).toMatchObject({ group: 'Europe', kind: 'kdp' })
    expect(await vault.reorder(['acc_doesnotexist'])).toMatchObject({ ok: false, error: { kind: 'not-found' } })
  })

  it('refuses an edit that leaves no name and no account, as adding does', async () => {
    const vault = await open()
    const a = await vault.add(draft('Amazon EU', 'eu@example.com'), randomKey())
    if (!a.ok) throw new Error('add failed')
    const refused = { ok: false, error: { kind: 'invalid-input', field: 'issuer', message: expect.stringContaining('Give the account a name or an account') } }
    expect(await vault.update({ id: a.value.id, issuer: '', label: '' })).toMatchObject(refused)
    expect(await vault.update({ id: a.value.id, issuer: '   ', label: '' })).toMatchObject(refused)
    // Blanking one of the two is fine while the other stays; then the other cannot go.
    expect(await vault.update({ id: a.value.id, issuer: '' })).toMatchObject({ ok: true, value: { issuer: '', label: 'eu@example.com' } })
    expect(await vault.update({ id: a.value.id, label: '' })).toMatchObject(refused)
    const reopened = await open()
    expect(reopened.get(a.value.id)).toMatchObject({ issuer: '', label: 'eu@example.com' })
  })

  it('advances an HOTP counter and saves it before returning', async () => {
    const vault = await open()
    const a = await vault.add({ ...draft('Bank'), type: 'hotp', counter: 5 }, randomKey())
    if (!a.ok) throw new Error('add failed')
    expect(await vault.advanceCounter(a.value.id)).toMatchObject({ ok: true, value: { counter: 6 } })
    const reopened = await open()
    expect(reopened.get(a.value.id)?.counter).toBe(6)
  })

  it('reveals a secret only from the keychain, on request', async () => {
    const vault = await open()
    const a = await vault.add(draft('Amazon'), key(AMAZON_KEY))
    if (!a.ok) throw new Error('add failed')
    expect(await vault.reveal(a.value.id)).toMatchObject({ ok: true, value: { base32: key(AMAZON_KEY).base32 } })
  })

  it('reports a damaged account list, writes nothing, and can fall back to the backup', async () => {
    const vault = await open()
    await vault.add(draft('A'), randomKey())
    await vault.add(draft('B'), randomKey())
    await fs.writeFile(path.join(dir, 'accounts.json'), '{"schemaVersion":1,"data":{"accounts":[{"id":')
    const damaged = await open()
    expect(damaged.status().metadataProblem).toMatch(/damaged/)
    expect(damaged.status().backupAvailable).toBe(true)
    expect(await damaged.add(draft('C'), randomKey())).toMatchObject({ ok: false, error: { kind: 'io' } })
    expect(await fs.readFile(path.join(dir, 'accounts.json'), 'utf8')).toContain('"id":')
    const restored = await damaged.useBackup()
    expect(restored.metadataProblem).toBeNull()
    expect(damaged.accounts().map((a) => a.issuer)).toEqual(['A'])
    const names = await fs.readdir(dir)
    expect(names.some((n) => n.startsWith('accounts.json.damaged-'))).toBe(true)
  })
})

describe('importing many accounts at once', () => {
  it('is all or nothing: a keychain failure halfway removes what was written and saves nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-vault-many-'))
    const real = await workerSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
    let writes = 0
    // The real keychain, refusing the third write (as a keychain that locks or fills up mid-import would).
    const flaky: SecretStore = { ...real, set: async (id, secret) => (++writes === 3 ? Promise.reject(new Error('The keychain refused the item')) : real.set(id, secret)) }
    const vault = createVault({ secrets: flaky, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log: createMemoryLogger() })
    await vault.start()
    const before = (await real.list()).map((i) => i.id)
    const items = ['A', 'B', 'C', 'D'].map((name) => ({ draft: draft(name), key: randomKey() }))
    const result = await vault.addMany(items)
    expect(result).toMatchObject({ ok: false, error: { kind: 'keychain-unavailable' } })
    expect(vault.accounts()).toEqual([])
    expect((await real.list()).map((i) => i.id)).toEqual(before)
    await expect(fs.readFile(path.join(dir, 'accounts.json'), 'utf8')).rejects.toThrow()

    writes = 100
    const retried = await vault.addMany(items)
    expect(retried.ok && retried.value.map((a) => a.issuer)).toEqual(['A', 'B', 'C', 'D'])
    expect(await real.list()).toHaveLength(before.length + 4)
    for (const item of await real.list()) await real.delete(item.id)
    await vault.dispose()
    real.close()
    await fs.rm(dir, { recursive: true, force: true })
  })
})
