/**
 * The "old computer" of backup-restore.test.ts, in a process of its own
 * (libsecret keeps one keychain session per process, so the restore into a
 * fresh keychain needs another process). On the keychain of its D-Bus
 * session it adds accounts in five rounds, each followed by its automatic
 * backup (keep = 3), then prints one JSON line: the folder, the backups
 * kept, and the accounts with their keys as of each round. It removes its
 * keychain items before exiting.
 *   node bench/run-ts.mjs test/reliability/backup-source.ts <dir> <password>
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promises as fs } from 'node:fs'
import { createBackupPassword } from '../../src/main/backup/backup-password'
import { createBackupService } from '../../src/main/backup/backup-service'
import { vaultKeychain, vaultSnapshot } from '../../src/main/backup/vault-snapshot'
import { createMemoryLogger } from '../../src/main/core/log'
import { encodeBase32, normaliseKey } from '../../src/main/otp/base32'
import { MIN_SCRYPT_N } from '../../src/main/transfer/backup-schema'
import { createAccountStore } from '../../src/main/vault/account-store'
import { createKeytarSecretStore } from '../helpers/keytar-store'
import { createVault } from '../../src/main/vault/vault'
import { EXPORT_ACCOUNTS } from '../helpers/export-accounts'
import { fakeTimers } from '../helpers/fake-timers'

const [dir, password] = process.argv.slice(2)
if (!dir || !password) throw new Error('usage: backup-source.ts <dir> <password>')
const log = createMemoryLogger()
const secrets = createKeytarSecretStore(`SellerGuardTest-${randomBytes(6).toString('hex')}`)
const vault = createVault({ secrets, store: createAccountStore(path.join(dir, 'accounts.json')), platform: 'linux', now: Date.now, log })
await vault.start()
const timers = fakeTimers(Date.UTC(2026, 4, 1))
const backups = createBackupService({
  stateFile: path.join(dir, 'automatic-backups.json'),
  defaultFolder: path.join(dir, 'Documents', 'SellerGuard Backups'),
  canChooseFolder: false,
  password: createBackupPassword(secrets),
  keychain: () => vaultKeychain(vault),
  snapshot: () => vaultSnapshot(vault, () => ({})),
  current: () => ({ accounts: vault.accounts(), checklist: undefined }),
  now: timers.now,
  log,
  kdf: { N: MIN_SCRYPT_N, r: 8, p: 1 },
  setTimer: timers.setTimer,
  clearTimer: timers.clearTimer,
})
await backups.start()
await backups.configure({ password, keep: 3 })

const rounds: unknown[] = []
const statuses: unknown[] = []
for (let round = 0; round < 5; round++) {
  for (const { secret, group, ...rest } of EXPORT_ACCOUNTS.slice(round * 2, round * 2 + 2)) {
    const key = normaliseKey(secret)
    if (!key.ok) throw new Error('bad key')
    const added = await vault.add({ ...rest, group: group ?? '', kind: round % 2 ? 'kdp' : 'seller-central' }, key.value)
    if (!added.ok) throw new Error(added.error.message)
  }
  backups.changed()
  timers.advance(5000)
  await backups.idle()
  statuses.push(backups.status())
  rounds.push(vault.accounts().map((a) => ({ ...a, secret: encodeBase32(vault.key(a.id)!) })))
}
const folder = backups.status().folder
const result = { folder, kept: (await fs.readdir(folder)).sort(), rounds, statuses }
await backups.dispose()
await vault.dispose()
for (const item of await secrets.list()) await secrets.delete(item.id)
process.stdout.write(`${JSON.stringify(result)}\n`)
