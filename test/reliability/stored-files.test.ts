import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountSummary, CodeFrames, KeychainStatus, StorageStatus } from '../../src/shared/contract'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import type { KeychainClient } from '../../src/main/vault/keychain-client'
import { totpWindow } from '../../e2e/helpers/totp'
import { testAccount } from '../helpers/accounts'
import { workerSecretStore } from '../helpers/keychain-worker'
import { createTestServices, writeLoopbackSettings } from '../helpers/test-services'
import { base32, STRESS } from './support'

// The finding had 300; gnome-keyring writes ~30 items/s with its rewrite per item, so the short form plants 100.
const ACCOUNTS = STRESS ? 300 : 100
const doc = (accounts: AccountSummary[]) => JSON.stringify({ schemaVersion: 1, data: { accounts } })

/**
 * The storage findings of issue 13 §2 against the real services and the
 * real keychain (through its worker): a missing or damaged account list
 * is never taken for a fresh install, and nothing is written over a file
 * until the user chose.
 */
describe('stored files: missing and damaged account lists', () => {
  let secrets: KeychainClient
  let dataDir: string
  let services: Services | null = null
  const log = createMemoryLogger()
  const file = () => path.join(dataDir, 'accounts.json')

  const call = async <T = unknown>(method: string, input?: unknown): Promise<T> => {
    const reply = await services!.dispatch(method, input)
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
    return reply.value as T
  }
  const start = async () => {
    services = await createTestServices({ dataDir, log, secrets })
    await services.ready
  }

  afterEach(async () => {
    await services?.dispose()
    services = null
    secrets?.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  })
  /** A data folder and a keychain service of the test's own (the throwaway keyring goes with the run). */
  const freshDir = async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-stored-'))
    await writeLoopbackSettings(dataDir)
    secrets = await workerSecretStore(`SellerGuardStored-${randomBytes(6).toString('hex')}`)
  }

  it(`a missing accounts.json with a .bak of ${ACCOUNTS} accounts comes back from it, with no orphans, and the user is told`, async () => {
    await freshDir()
    const accounts = Array.from({ length: ACCOUNTS }, (_, n) => testAccount(n))
    for (const a of accounts) await secrets.set(a.id, base32(new Uint8Array(randomBytes(20))))
    await fs.writeFile(`${file()}.bak`, doc(accounts))
    await start()
    const status = await call<KeychainStatus>('vault.status')
    expect(status).toMatchObject({ state: 'ready', loaded: ACCOUNTS, total: ACCOUNTS, orphanSecrets: [], metadataProblem: null })
    expect((await call<AccountSummary[]>('accounts.list')).length).toBe(ACCOUNTS)
    expect(await call<StorageStatus>('storage.status')).toEqual({ issues: [{ file: 'accounts', kind: 'restored', path: file(), reason: '', backup: 'usable' }] })
    for (const n of [1, 2]) await call('accounts.add', { text: base32(new Uint8Array(randomBytes(20))), issuer: `New ${n}`, label: '' })
    const bak = JSON.parse(await fs.readFile(`${file()}.bak`, 'utf8')) as { data: { accounts: unknown[] } }
    expect(bak.data.accounts.length).toBe(ACCOUNTS + 1)
    expect(await call<StorageStatus>('storage.dismiss', { file: 'accounts' })).toEqual({ issues: [] })
  })

  it('both accounts.json and its .bak damaged: writes wait; "start fresh" keeps both files and the app works again', async () => {
    await freshDir()
    await fs.writeFile(file(), '{"schemaVersion":1,"data":{"acc')
    await fs.writeFile(`${file()}.bak`, 'not json either')
    await start()
    expect(await call<StorageStatus>('storage.status')).toMatchObject({ issues: [{ file: 'accounts', kind: 'damaged', backup: 'damaged' }] })
    const add = { text: base32(new Uint8Array(randomBytes(20))), issuer: 'Amazon', label: 'a@example.com' }
    expect(await services!.dispatch('accounts.add', add)).toMatchObject({ ok: false })
    expect(await services!.dispatch('storage.recover', { file: 'accounts', use: 'backup' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await fs.readFile(file(), 'utf8')).toBe('{"schemaVersion":1,"data":{"acc')
    expect(await call<StorageStatus>('storage.recover', { file: 'accounts', use: 'fresh' })).toEqual({ issues: [] })
    expect(await call<KeychainStatus>('vault.status')).toMatchObject({ state: 'ready', metadataProblem: null })
    await call('accounts.add', add)
    await call('accounts.add', { ...add, text: base32(new Uint8Array(randomBytes(20))), label: 'b@example.com' })
    expect((await call<AccountSummary[]>('accounts.list')).length).toBe(2)
    const kept = (await fs.readdir(dataDir)).filter((n) => n.includes('.damaged-')).sort()
    expect(kept).toHaveLength(2)
    expect(await fs.readFile(path.join(dataDir, kept.find((n) => n.startsWith('accounts.json.damaged-'))!), 'utf8')).toBe('{"schemaVersion":1,"data":{"acc')
    expect(await fs.readFile(path.join(dataDir, kept.find((n) => n.startsWith('accounts.json.bak.damaged-'))!), 'utf8')).toBe('not json either')
  })

  it('a damaged automatic-backups.json shows the storage banner, is never written over, and "start fresh" lets backups be set up', async () => {
    await freshDir()
    const state = path.join(dataDir, 'automatic-backups.json')
    const damaged = '{"schemaVersion":1,"data":{"config":{"enab'
    await fs.writeFile(state, damaged)
    await start()
    expect(await call<StorageStatus>('storage.status')).toEqual({ issues: [{ file: 'automaticBackups', kind: 'damaged', path: state, reason: expect.any(String), backup: 'missing' }] })
    const setUp = { enabled: true, folder: path.join(dataDir, 'backups'), keep: 3, password: 'a long backup password' }
    await services!.dispatch('backup.configure', setUp)
    expect(await fs.readFile(state, 'utf8')).toBe(damaged)

    expect(await call<StorageStatus>('storage.recover', { file: 'automaticBackups', use: 'fresh' })).toEqual({ issues: [] })
    const kept = (await fs.readdir(dataDir)).filter((n) => n.startsWith('automatic-backups.json.damaged-'))
    expect(kept).toHaveLength(1)
    expect(await fs.readFile(path.join(dataDir, kept[0]!), 'utf8')).toBe(damaged)
    expect(await call('backup.configure', setUp)).toMatchObject({ enabled: true, folder: setUp.folder, keep: 3, passwordSet: true })
    expect(JSON.parse(await fs.readFile(state, 'utf8'))).toMatchObject({ schemaVersion: 1, data: { config: { enabled: true, folder: setUp.folder, keep: 3 } } })
  })

  it('orphan secrets become accounts again with working codes; they are deleted only on an explicit request', async () => {
    await freshDir()
    const planted = Array.from({ length: 3 }, (_, n) => ({ id: `acc_orphan${n}${randomBytes(6).toString('hex')}`, secret: base32(new Uint8Array(randomBytes(20))) }))
    for (const o of planted) await secrets.set(o.id, o.secret)
    await start()
    expect((await call<KeychainStatus>('vault.status')).orphanSecrets.sort()).toEqual(planted.map((o) => o.id).sort())
    // Never without the explicit confirmation.
    expect(await services!.dispatch('vault.deleteOrphans', { ids: [planted[2]!.id] })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })

    const adopted = await call<AccountSummary[]>('vault.adoptOrphans', { ids: [planted[0]!.id, planted[1]!.id] })
    expect(adopted.map((a) => a.id)).toEqual([planted[0]!.id, planted[1]!.id])
    const frames = await call<CodeFrames>('codes.frames')
    for (const o of planted.slice(0, 2)) expect(totpWindow(o.secret, Date.now())).toContain(frames.frames.find((f) => f.accountId === o.id)!.code)
    await call('accounts.update', { id: planted[0]!.id, issuer: 'Amazon Seller Central', label: 'me@example.com' })
    expect((await call<KeychainStatus>('vault.status')).orphanSecrets).toEqual([planted[2]!.id])

    expect(await call<KeychainStatus>('vault.deleteOrphans', { ids: [planted[2]!.id], confirm: true })).toMatchObject({ orphanSecrets: [] })
    expect(await secrets.get(planted[2]!.id)).toBeNull()
    await services!.dispose()
    await start()
    expect(await call<KeychainStatus>('vault.status')).toMatchObject({ state: 'ready', orphanSecrets: [], loaded: 2, total: 2 })
    expect((await call<AccountSummary[]>('accounts.list')).map((a) => a.issuer).sort()).toEqual(['Amazon Seller Central', 'Recovered account'])
  })
})
