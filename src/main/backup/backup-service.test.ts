import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeTimers } from '../../../test/helpers/fake-timers'
import { createMemoryLogger } from '../core/log'
import type { BackupAccount } from '../transfer/backup'
import { MIN_SCRYPT_N } from '../transfer/backup-schema'
import { workerSecretStore } from '../../../test/helpers/keychain-worker'
import type { KeychainClient } from '../vault/keychain-client'
import { backupTime } from './backup-names'
import { BACKUP_PASSWORD_ID, createBackupPassword } from './backup-password'
import { createBackupService, type BackupServiceDeps } from './backup-service'

/*
 * The automatic backup service on the real file system and the real
 * keychain (the password), with the vault's data held in the test and
 * timers driven by hand.
 */

const PASSWORD = 'backup password ✓ 2026'
const START = Date.UTC(2026, 4, 1, 9)

const account = (n: number, over: Partial<BackupAccount> = {}): BackupAccount => ({
  id: `acc_backup_${String(n).padStart(4, '0')}`,
  type: 'totp',
  issuer: 'Amazon Seller Central',
  label: `seller${n}@example.com`,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  secret: randomBytes(20).toString('hex').toUpperCase().replace(/[^A-Z2-7]/g, 'Q').slice(0, 32),
  group: n % 2 ? 'EU' : '',
  kind: 'seller-central',
  order: n,
  createdAt: START,
  ...over,
})

describe('automatic backups', () => {
  let dir: string
  let secrets: KeychainClient
  let accounts: BackupAccount[]
  let checklist: unknown
  let timers: ReturnType<typeof fakeTimers>
  let keychainReady: boolean
  const log = createMemoryLogger()
  const services: Array<{ dispose(): Promise<void> }> = []

  beforeEach(async () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run under scripts/with-keyring.sh (npm run test:unit does)').toBeTruthy()
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-autobackup-'))
    secrets = await workerSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
    accounts = [account(1), account(2), account(3, { type: 'hotp', counter: 5 })]
    checklist = { accounts: {} }
    timers = fakeTimers(START)
    keychainReady = true
  })
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.dispose()))
    await secrets.delete(BACKUP_PASSWORD_ID)
    secrets.close()
    await fs.rm(dir, { recursive: true, force: true })
  })

  const backups = () => path.join(dir, 'Documents', 'SellerGuard Backups')
  const files = async (folder = backups()) => (await fs.readdir(folder).catch(() => [] as string[])).sort()

  async function open(over: Partial<BackupServiceDeps> = {}) {
    const service = createBackupService({
      stateFile: path.join(dir, 'data', 'automatic-backups.json'),
      defaultFolder: backups(),
      canChooseFolder: false,
      password: createBackupPassword(secrets),
      keychain: () => ({ ready: keychainReady, problem: keychainReady ? null : 'The Secret Service is locked.' }),
      snapshot: () => (keychainReady ? { ok: true, value: { accounts: [...accounts], checklist, missing: [] } } : { ok: false, error: 'The keychain is locked.' }),
      current: () => ({ accounts, checklist }),
      now: timers.now,
      log,
      kdf: { N: MIN_SCRYPT_N, r: 8, p: 1 },
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
      ...over,
    })
    services.push(service)
    await service.start()
    return service
  }

  /** Lets the debounce fire and the backup's file work finish. */
  async function quiet(service: Awaited<ReturnType<typeof open>>, ms = 5000) {
    timers.advance(ms)
    await service.idle()
  }

  it('without a password it says so (a state, not silence), and writes nothing', async () => {
    const service = await open()
    await quiet(service)
    expect(service.status()).toMatchObject({ enabled: true, state: 'needs-password', passwordSet: false, lastBackupAt: null })
    expect(await files()).toEqual([])
  })

  it('a password goes to the keychain only; the first backup is written, read back and verified', async () => {
    const service = await open()
    const configured = await service.configure({ password: PASSWORD })
    expect(configured.ok).toBe(true)
    expect(await secrets.get(BACKUP_PASSWORD_ID)).toBe(PASSWORD)
    await quiet(service)
    const written = await files()
    expect(written).toHaveLength(1)
    expect(backupTime(written[0]!)).toBe(START + 5000)
    expect(service.status()).toMatchObject({ state: 'ok', passwordSet: true, lastBackupAt: START + 5000, lastVerifiedAt: START + 5000, lastFile: written[0], coversLatestChange: true, problem: null })
    // Never in plain text on disk: not in the data folder, not in the backup folder.
    for (const folder of [path.join(dir, 'data'), backups()]) {
      for (const name of await files(folder)) expect(await fs.readFile(path.join(folder, name), 'utf8'), name).not.toContain(PASSWORD)
    }
  })

  it('debounce: a burst of changes gives one backup after the quiet period', async () => {
    await secrets.set(BACKUP_PASSWORD_ID, PASSWORD)
    const service = await open()
    await quiet(service)
    expect(await files()).toHaveLength(1)
    for (let i = 0; i < 5; i++) {
      accounts = [...accounts, account(10 + i)]
      service.changed()
      timers.advance(1000)
    }
    expect(service.status()).toMatchObject({ state: 'pending', coversLatestChange: false })
    expect(await files()).toHaveLength(1)
    await quiet(service, 4000)
    expect(await files()).toHaveLength(2)
    expect(service.status()).toMatchObject({ state: 'ok', coversLatestChange: true })
  })

  it('rotation: only the newest N are kept, and the user’s own files in the folder are never touched', async () => {
    await secrets.set(BACKUP_PASSWORD_ID, PASSWORD)
    await fs.mkdir(backups(), { recursive: true })
    await fs.writeFile(path.join(backups(), 'my notes.txt'), 'mine')
    const service = await open()
    await service.configure({ keep: 3 })
    await quiet(service)
    const made: string[] = []
    for (let i = 0; i < 5; i++) {
      accounts = accounts.map((a) => (a.type === 'hotp' ? { ...a, counter: a.counter + 1 } : a))
      service.changed()
      await quiet(service)
      made.push(service.status().lastFile!)
    }
    expect(await files()).toEqual([...made.slice(-3), 'my notes.txt'].sort())
  })

  /** A service with a password and its first backup written. */
  async function ready(over: Partial<BackupServiceDeps> = {}) {
    await secrets.set(BACKUP_PASSWORD_ID, PASSWORD)
    const service = await open(over)
    await quiet(service)
    expect(service.status().state).toBe('ok')
    return service
  }
  const newest = async () => path.join(backups(), (await files()).filter((f) => f.endsWith('.sgbackup')).at(-1)!)

  it('the restore drill: "matches", then exactly which accounts differ and how', async () => {
    const service = await ready()
    expect((await service.verify()).report).toMatchObject({ result: 'matches', file: path.basename(await newest()) })
    await service.configure({ enabled: false })
    const [first, second, third] = accounts
    accounts = [{ ...first!, label: 'renamed@example.com' }, { ...third!, counter: 6 }, account(9)]
    checklist = { accounts: { [first!.id]: { items: {} } } }
    const { report } = await service.verify()
    expect(report).toMatchObject({
      result: 'differs',
      checklistDiffers: true,
      accounts: [
        { accountId: first!.id, change: 'changed', fields: ['label'] },
        { accountId: third!.id, change: 'changed', fields: ['counter'] },
        { accountId: account(9).id, change: 'missing', fields: [] },
        { accountId: second!.id, change: 'extra', fields: [] },
      ],
    })
    expect(JSON.stringify(report)).not.toContain(first!.secret)
  })

  it('the drill catches a tampered backup, says so as a state, and a new backup replaces it', async () => {
    const service = await ready()
    const file = await newest()
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { ciphertext: string }
    const flipped = doc.ciphertext.startsWith('A') ? `B${doc.ciphertext.slice(1)}` : `A${doc.ciphertext.slice(1)}`
    await fs.writeFile(file, JSON.stringify({ ...doc, ciphertext: flipped }, null, 2))
    const { report, status } = await service.verify()
    expect(report).toMatchObject({ result: 'unreadable', file: path.basename(file), message: expect.stringMatching(/changed or damaged/) })
    expect(status).toMatchObject({ state: 'failing', problem: { kind: 'verify-failed' }, lastVerifiedAt: null, coversLatestChange: false })
    expect(service.evidence().lastVerifiedAt).toBeNull()
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'ok', problem: null, coversLatestChange: true })
    expect((await service.verify()).report.result).toBe('matches')
  })

  it('the drill catches a truncated backup', async () => {
    const service = await ready()
    const file = await newest()
    const text = await fs.readFile(file, 'utf8')
    await fs.writeFile(file, text.slice(0, Math.floor(text.length / 2)))
    expect((await service.verify()).report).toMatchObject({ result: 'unreadable', message: expect.stringMatching(/not a SellerGuard backup|damaged/) })
    expect(service.status().problem?.kind).toBe('verify-failed')
  })

  it('at start, a newest backup changed or deleted on disk since it was written is not trusted, and a new one is written', async () => {
    let service = await ready()
    await service.dispose()
    await fs.appendFile(await newest(), ' ')
    service = await open()
    expect(service.status()).toMatchObject({ problem: { kind: 'verify-failed' }, lastBackupAt: null })
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'ok', problem: null })
    await service.dispose()
    await fs.rm(await newest())
    service = await open()
    expect(service.status().problem?.kind).toBe('file-missing')
  })

  it('a picked folder that is missing is a state (never created elsewhere); it is retried later and works once there', async () => {
    const service = await ready()
    const picked = path.join(dir, 'sync drive', 'Backups')
    await service.configure({ folder: picked })
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'failing', folder: picked, folderIsDefault: false, problem: { kind: 'folder-missing', message: expect.stringContaining(picked) } })
    await expect(fs.stat(picked)).rejects.toThrow()
    await fs.mkdir(picked, { recursive: true })
    timers.advance(5 * 60_000)
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'ok', problem: null })
    expect(await files(picked)).toHaveLength(1)
  })

  it('a folder that is a file is unwritable; a relative folder is refused', async () => {
    const service = await ready()
    const notAFolder = path.join(dir, 'file.txt')
    await fs.writeFile(notAFolder, 'x')
    await service.configure({ folder: notAFolder })
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'failing', problem: { kind: 'folder-unwritable' } })
    expect(await service.configure({ folder: 'relative/dir' })).toMatchObject({ ok: false, error: { kind: 'invalid-input', field: 'folder' } })
  })

  it('a locked keychain holds the backup back as a state; unlocking lets it through', async () => {
    const service = await ready()
    keychainReady = false
    accounts = [...accounts, account(7)]
    service.changed()
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'failing', problem: { kind: 'keychain' }, coversLatestChange: false })
    keychainReady = true
    await service.retry()
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'ok', coversLatestChange: true })
  })

  it('evidence is per account: one added after the newest backup is not covered until the next one', async () => {
    const service = await ready()
    const added = account(42)
    accounts = [...accounts, added]
    service.changed()
    let evidence = service.evidence()
    expect(evidence.coversLatestChange).toBe(false)
    expect(evidence.accounts[added.id]).toBeUndefined()
    expect(evidence.accounts[accounts[0]!.id]).toEqual({ at: START + 5000, verified: true, current: true })
    await quiet(service)
    evidence = service.evidence()
    expect(evidence.accounts[added.id]).toMatchObject({ verified: true, current: true })
    expect(evidence.coversLatestChange).toBe(true)
    // An export by hand counts for the accounts it holds, unverified.
    const later = account(43)
    accounts = [...accounts, later]
    await service.recordExport(START + 99_000, { accounts: [...accounts], checklist })
    expect(service.evidence().accounts[later.id]).toEqual({ at: START + 99_000, verified: false, current: true })
  })

  it('accounts without a key are left out and named as a problem', async () => {
    await secrets.set(BACKUP_PASSWORD_ID, PASSWORD)
    const service = await open({ snapshot: () => ({ ok: true, value: { accounts: accounts.slice(1), checklist, missing: [accounts[0]!.id] } }) })
    await quiet(service)
    expect(service.status()).toMatchObject({ state: 'failing', problem: { kind: 'incomplete', message: expect.stringMatching(/^1 account has no key/) } })
    expect(service.evidence().accounts[accounts[0]!.id]).toBeUndefined()
  })

  it('a damaged state file counts no backup (and says so in the log); quitting writes a waiting backup', async () => {
    const service = await ready()
    await fs.writeFile(path.join(dir, 'data', 'automatic-backups.json'), '{ not json')
    await service.dispose()
    const again = await open()
    expect(again.status().lastBackupAt).toBeNull()
    expect(log.lines.some((l) => l.includes('automatic-backups.json damaged'))).toBe(true)
    accounts = [...accounts, account(50)]
    again.changed()
    const before = (await files()).length
    await again.dispose()
    expect((await files()).length).toBe(before + 1)
  })
})
