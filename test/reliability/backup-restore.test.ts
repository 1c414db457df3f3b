import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../src/shared/contract'
import type { BackupStatus } from '../../src/shared/contract/backup'
import { BACKUP_PASSWORD_ID } from '../../src/main/backup/backup-password'
import { createMemoryLogger } from '../../src/main/core/log'
import { decodeBase32 } from '../../src/main/otp/base32'
import { codeFrame } from '../../src/main/otp/generate'
import { createTransferService } from '../../src/main/transfer/transfer-service'
import { createAccountStore } from '../../src/main/vault/account-store'
import type { KeychainClient } from '../../src/main/vault/keychain-client'
import { KEYCHAIN_SERVICE } from '../../src/main/vault/secret-store'
import { createKeytarSecretStore } from '../helpers/keytar-store'
import { workerSecretStore } from '../helpers/keychain-worker'
import { createVault, type Vault } from '../../src/main/vault/vault'
import { oathtoolCode, oathtoolMissing } from '../helpers/oathtool'
import { canRunStep } from '../helpers/needs'
import { startPrivateKeyring, type PrivateKeyring } from '../helpers/private-keyring'

/*
 * The point of a backup: after the computer is lost, a rotated automatic
 * backup, with nothing but its password, brings every account back into
 * another computer's empty keychain. The old computer runs in a child process
 * (backup-source.ts) on the shared test keychain; the new one is this process
 * on a private gnome-keyring it has never used, with a new data folder.
 */

const PASSWORD = 'the password on paper ✓'
const ROOT = path.resolve(__dirname, '../..')
/** Taken before the private keyring below points this process elsewhere. */
const sharedEnv = { ...process.env }
const log = createMemoryLogger()
const fields = (a: Omit<AccountSummary, 'id'>) => ({ type: a.type, issuer: a.issuer, label: a.label, group: a.group, algorithm: a.algorithm, digits: a.digits, period: a.period, counter: a.counter, kind: a.kind })

/** The app's own way to the keychain: a keychain worker process, forked now (so on the private keyring's bus). */
const clients: KeychainClient[] = []
async function openVault(dataDir: string): Promise<Vault> {
  const secrets = await workerSecretStore(KEYCHAIN_SERVICE)
  clients.push(secrets)
  const vault = createVault({ secrets, store: createAccountStore(path.join(dataDir, 'accounts.json')), platform: 'linux', now: Date.now, log })
  await vault.start()
  return vault
}

type Old = Readonly<{ folder: string; kept: string[]; rounds: (AccountSummary & { secret: string })[][]; statuses: BackupStatus[] }>

/** Runs backup-source.ts on this test run's shared keychain (the one npm test starts). */
function oldComputer(dir: string): Promise<Old> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'bench/run-ts.mjs'), 'test/reliability/backup-source.ts', dir, PASSWORD], { cwd: ROOT, env: sharedEnv, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`backup-source failed: ${stderr}`))
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Old)
    })
  })
}

describe('a rotated automatic backup restores into a fresh keychain', () => {
  let keyring: PrivateKeyring | null = null
  let root: string
  beforeAll(async () => {
    expect(sharedEnv.DBUS_SESSION_BUS_ADDRESS, 'run under scripts/with-keyring.sh (npm run test:unit does)').toBeTruthy()
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-restore-'))
  })
  afterAll(async () => {
    for (const client of clients) client.close()
    keyring?.stop()
    await fs.rm(root, { recursive: true, force: true })
  })

  it('keeps 3 of 5 backups; the oldest kept one restores its accounts, keys and codes with the password alone', async () => {
    const old = await oldComputer(path.join(root, 'old-computer'))
    expect(old.statuses.map((s) => s.state)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(old.statuses.every((s) => s.coversLatestChange)).toBe(true)
    expect(old.kept).toHaveLength(3)
    const oldestKept = await fs.readFile(path.join(old.folder, old.kept[0]!), 'utf8')
    // Backup 3 of 5: the accounts of round 3.
    const expected = old.rounds[2]!

    // The old computer is gone: a new, empty keychain (never used by this process) and an empty data folder.
    keyring = await startPrivateKeyring()
    const fresh = createKeytarSecretStore(KEYCHAIN_SERVICE)
    expect(await fresh.list()).toEqual([])
    expect(await fresh.get(BACKUP_PASSWORD_ID)).toBeNull()
    const target = await openVault(path.join(root, 'new-computer'))
    try {
      const transfer = createTransferService({
        vault: target,
        now: Date.now,
        log,
        decodeQr: async () => ({ ok: true, value: [] }),
        screen: null,
        recordBackup: async () => undefined,
        extras: () => ({}),
        restoreChecklist: async () => undefined,
      })
      expect(await transfer.preview(oldestKept, 'not the password')).toMatchObject({ ok: false, error: { field: 'password' } })
      const preview = await transfer.preview(oldestKept, PASSWORD)
      if (!preview.ok) throw new Error(preview.error.message)
      const confirmed = await transfer.confirm({ previewId: preview.value.previewId, indexes: preview.value.entries.map((e) => e.index) })
      if (!confirmed.ok) throw new Error(confirmed.error.message)

      expect(target.accounts().map(fields)).toEqual(expected.map(fields))
      const now = Date.now()
      for (const [i, restored] of target.accounts().entries()) {
        const original = expected[i]!
        const key = await target.reveal(restored.id)
        if (!key.ok) throw new Error(key.error.message)
        expect(key.value.base32, original.issuer).toBe(original.secret)
        const code = codeFrame(restored, key.value.bytes, now).code
        expect(code).toBe(codeFrame(original, decodeBase32(original.secret), now).code)
        if (canRunStep(oathtoolMissing)) {
          const reference = await oathtoolCode({ ...restored, secret: key.value.base32 }, Math.floor(now / 1000))
          if (reference !== null && restored.type !== 'hotp') expect(code).toBe(reference)
        }
      }
    } finally {
      await target.dispose()
    }
  })
})
