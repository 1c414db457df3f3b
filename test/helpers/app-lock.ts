import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createMemoryLogger } from '../../src/main/core/log'
import { createAppLock, type AppLock, type AppLockDeps } from '../../src/main/lock/lock-service'
import { normaliseKey, type NormalisedKey } from '../../src/main/otp/base32'
import { workerSecretStore } from './keychain-worker'
import { createKeytarSecretStore } from './keytar-store'

/** scrypt at the least backups accept (N = 2^14, r = 8): tests of the lock's logic need not wait 0.65 s a password. */
export const TEST_COST = { kdf: { N: 2 ** 14, r: 8, p: 1 }, minimum: { N: 2 ** 14, r: 8, p: 1 } } as const

/** A random canonical base32 key of `bytes` bytes. */
export function randomSecret(bytes = 20): NormalisedKey {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const text = [...randomBytes(Math.ceil((bytes * 8) / 5))].map((b) => alphabet[b % 32]).join('')
  const key = normaliseKey(text)
  if (!key.ok) throw new Error(key.error.message)
  return key.value
}

/** A fresh keychain service on the session's gnome-keyring, a data folder, and a way to open the app lock over them (again: a restart). */
export async function lockFixture() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) throw new Error('run under scripts/with-keyring.sh (npm run test:unit does)')
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-lock-'))
  const service = `SellerGuardLockTest-${randomBytes(6).toString('hex')}`
  // The keychain as the app reaches it (the keychain worker process), and keytar in this process to look behind its back.
  const raw = await workerSecretStore(service)
  const direct = createKeytarSecretStore(service)
  const log = createMemoryLogger()
  let clock = Date.now()
  const open = async (extra: Partial<AppLockDeps> = {}): Promise<AppLock> => {
    const lock = createAppLock({ raw, log, now: () => clock, failuresFile: path.join(dir, 'lock-failures.json'), cost: TEST_COST, ...extra })
    await lock.start()
    return lock
  }
  return {
    dir,
    service,
    raw,
    direct,
    log,
    open,
    /** Moves the lock's clock (for waits after wrong passwords). */
    advance: (ms: number) => void (clock += ms),
    async cleanup() {
      for (const item of await direct.list()) await direct.delete(item.id)
      raw.close()
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
