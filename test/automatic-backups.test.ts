import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { unpackChecklist } from '../src/shared/checklist-packing'
import type { AccountSummary, BackupStatus, PackedChecklistView } from '../src/shared/contract'
import { createMemoryLogger } from '../src/main/core/log'
import type { Services } from '../src/main/services'
import { BACKUP_PASSWORD_ID, type SecretStore } from '../src/main/vault/secret-store'
import { createKeytarSecretStore } from './helpers/keytar-store'
import { createTestServices, writeLoopbackSettings } from './helpers/test-services'

/*
 * Automatic backups wired into the services, through the contract's one
 * dispatch (what the renderer calls), on the real keychain: per-account
 * evidence of what the newest backup holds, the password rule in main, a
 * checklist tick as a change to back up, and the status as pushed events.
 */

const KEYS = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ']

describe('automatic backups in the running services', () => {
  let dataDir: string
  let secrets: SecretStore
  let services: Services
  const pushed: BackupStatus[] = []
  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const reply = (await services.dispatch(method, input)) as { ok: boolean; value?: T; error?: unknown }
    if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`)
    return reply.value as T
  }
  // "This computer"'s item: it counts only while every account is in a backup.
  const checklistBackup = async () => unpackChecklist(await call<PackedChecklistView>('checklist.get')).computer.items.find((i) => i.id === 'recent-backup')!

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-auto-wired-'))
    await writeLoopbackSettings(dataDir)
    secrets = createKeytarSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
    services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets })
    services.bus.subscribe((name, payload) => name === 'backup.status' && pushed.push(payload as BackupStatus))
    await services.ready
  })
  afterAll(async () => {
    await services.dispose()
    for (const item of await secrets.list()) await secrets.delete(item.id)
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('main refuses a short password (the contract), for automatic backups and for exports alike', async () => {
    for (const [method, input] of [
      ['backup.configure', { password: 'x' }],
      ['transfer.exportBackup', { password: 'x' }],
      ['transfer.exportTwofas', { password: 'short' }],
    ] as const) {
      expect(await services.dispatch(method, input), method).toMatchObject({ ok: false, error: { kind: 'invalid-request', message: expect.stringMatching(/at least 8 characters/) } })
    }
    expect(await secrets.get(BACKUP_PASSWORD_ID)).toBeNull()
    expect((await call<BackupStatus>('backup.status')).state).toBe('needs-password')
  })

  it('evidence is per account: one added after the newest backup is not held by it until the next backup', async () => {
    const first = await call<AccountSummary>('accounts.add', { text: KEYS[0], issuer: 'Amazon Seller Central', label: 'eu@example.com' })
    await call('backup.configure', { password: 'a good backup password' })
    const status = await call<BackupStatus>('backup.backUpNow')
    expect(status).toMatchObject({ state: 'ok', coversLatestChange: true, folder: path.join(dataDir, 'SellerGuard Backups') })
    expect(await fs.readdir(status.folder)).toEqual([status.lastFile])
    expect(services.backups.evidence().accounts[first.id]).toMatchObject({ at: status.lastBackupAt, verified: true, current: true })
    expect(await checklistBackup()).toMatchObject({ status: 'verified', doneAt: status.lastBackupAt })

    const second = await call<AccountSummary>('accounts.add', { text: KEYS[1], issuer: 'Kindle Direct Publishing', label: 'author@example.com' })
    expect(services.backups.evidence().accounts[second.id]).toBeUndefined()
    expect(await checklistBackup()).toMatchObject({ status: 'failing', finding: expect.stringContaining('1 account is in no backup yet') })
    expect((await call<BackupStatus>('backup.status')).coversLatestChange).toBe(false)
    const next = await call<BackupStatus>('backup.backUpNow')
    expect(services.backups.evidence().accounts[second.id]).toMatchObject({ at: next.lastBackupAt, verified: true })
    await vi.waitFor(async () => expect(await checklistBackup()).toMatchObject({ status: 'verified', doneAt: next.lastBackupAt }))
    expect(pushed.at(-1)).toMatchObject({ state: 'ok', coversLatestChange: true })

    // A change after the newest backup: a restore would bring back the old version, and the checklist says so.
    await call('accounts.update', { id: first.id, label: 'renamed@example.com' })
    await vi.waitFor(async () => expect(await checklistBackup()).toMatchObject({ status: 'due', finding: expect.stringContaining('1 account has changed since the newest backup holding it') }))
    const third = await call<BackupStatus>('backup.backUpNow')
    await vi.waitFor(async () => expect(await checklistBackup()).toMatchObject({ status: 'verified', doneAt: third.lastBackupAt }))
  })

  it('a checklist tick is a change the backup must cover; "Verify backups" then matches', async () => {
    const [account] = await call<AccountSummary[]>('accounts.list')
    await call('checklist.setItem', { accountId: account!.id, itemId: 'bank-review', done: true })
    expect((await call<BackupStatus>('backup.status')).coversLatestChange).toBe(false)
    const { report, status } = await call<{ report: { result: string }; status: BackupStatus }>('backup.verify')
    expect(report.result).toBe('matches')
    expect(status).toMatchObject({ state: 'ok', coversLatestChange: true })
  })

  it('an export by hand is recorded for the accounts it holds, as unverified', async () => {
    const before = services.backups.evidence()
    await call('transfer.exportBackup', { password: 'an export password' })
    const [account] = await call<AccountSummary[]>('accounts.list')
    // The newest record holding the account is the export now: unverified (SellerGuard cannot see where it went).
    expect(services.backups.evidence().accounts[account!.id]).toMatchObject({ verified: false, current: true })
    expect(services.backups.evidence().lastVerifiedAt).toBe(before.lastVerifiedAt)
  })

  it('"Restore": lists only automatic backups, and opens one into an import preview with the saved password or a typed one', async () => {
    const { folder } = await call<BackupStatus>('backup.status')
    await fs.writeFile(path.join(folder, 'my-notes.txt'), 'the user’s own file')
    const listed = await call<{ folder: string; files: Array<{ name: string; at: number }> }>('backup.list')
    expect(listed.folder).toBe(folder)
    expect(listed.files.length).toBeGreaterThan(0)
    expect(listed.files.map((f) => f.name).every((n) => n.startsWith('sellerguard-auto-'))).toBe(true)
    const newest = listed.files[0]!
    const preview = await call<{ format: string; entries: Array<{ issuer: string; duplicate: string }> }>('backup.preview', { name: newest.name })
    expect(preview.format).toBe('sellerguard-backup')
    expect(preview.entries.map((e) => e.issuer).sort()).toEqual(['Amazon Seller Central', 'Kindle Direct Publishing'])
    // Both are here already: marked, so confirming adds nothing twice.
    expect(preview.entries.map((e) => e.duplicate)).toEqual(['existing', 'existing'])
    expect(await services.dispatch('backup.preview', { name: newest.name, password: 'not the password' })).toMatchObject({ ok: false, error: { kind: 'invalid-input', field: 'password' } })
    expect(await services.dispatch('backup.preview', { name: 'my-notes.txt' })).toMatchObject({ ok: false, error: { field: 'name' } })
    expect(await services.dispatch('backup.preview', { name: '../automatic-backups.json' })).toMatchObject({ ok: false, error: { field: 'name' } })
  })
})
