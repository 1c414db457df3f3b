import { createHash } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { deriveBackupKey, type BackupKey } from '../transfer/backup'
import type { ScryptParams } from '../transfer/kdf'
import type { BackupPassword } from './backup-password'
import type { Problem } from './backup-status'

export type BackupKeysDeps = Readonly<{
  password: BackupPassword
  keychain: () => Readonly<{ ready: boolean; problem: string | null }>
  kdf?: ScryptParams
}>

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * The automatic backups' password (read from the keychain when needed, held
 * only for the call) and the key derived from it, kept in memory so a backup
 * costs no scrypt run. A new password drops the key.
 */
export function createBackupKeys(deps: BackupKeysDeps) {
  let cached: Readonly<{ passwordDigest: string; key: BackupKey }> | null = null
  let known = false

  return {
    /** Whether the keychain held a password the last time it was asked. */
    passwordSet: () => known,
    /** The password; a problem when there is none or the keychain cannot say; null while the keychain is still loading. */
    async password(): Promise<string | Problem | null> {
      const keychain = deps.keychain()
      if (!keychain.ready) return keychain.problem ? { kind: 'keychain', message: `Automatic backups wait for the keychain: ${keychain.problem}` } : null
      try {
        const password = await deps.password.get()
        known = password !== null
        return password ?? { kind: 'no-password', message: 'Choose a password for automatic backups: they are encrypted with it, and you need it to restore one.' }
      } catch (e) {
        return { kind: 'keychain', message: `The backup password could not be read from the keychain (${reasonOf(e)}).` }
      }
    },
    async setPassword(password: string): Promise<Result<void, string>> {
      try {
        await deps.password.set(password)
      } catch (e) {
        return err(reasonOf(e))
      }
      known = true
      cached = null
      return ok(undefined)
    },
    async keyFor(password: string): Promise<Result<BackupKey, string>> {
      const passwordDigest = createHash('sha256').update(password, 'utf8').digest('base64url')
      if (cached?.passwordDigest === passwordDigest) return ok(cached.key)
      const key = await deriveBackupKey(password, deps.kdf)
      if (!key.ok) return err(key.error.message)
      cached = { passwordDigest, key: key.value }
      return ok(key.value)
    },
  }
}
