import { checkScrypt, MAX_SCRYPT_MEMORY, MAX_SCRYPT_WORK, MIN_SCRYPT_N, MIN_SCRYPT_R } from './backup-schema'
import type { ScryptParams } from './kdf'

/** Why a SellerGuard backup could not be written or read (format in backup.ts); `message` is for the user. */
export type BackupError =
  | Readonly<{ kind: 'empty-password'; message: string }>
  | Readonly<{ kind: 'not-a-backup'; message: string }>
  | Readonly<{ kind: 'unsupported-version'; version: number; message: string }>
  | Readonly<{ kind: 'weak-parameters'; message: string }>
  /** AES-GCM's tag check failed: the password is wrong or the file was changed; GCM cannot tell which. */
  | Readonly<{ kind: 'wrong-password-or-damaged'; message: string }>
  /** The payload to write, or the one read, does not match `BackupPayload`. */
  | Readonly<{ kind: 'invalid-contents'; message: string }>

export function kdfError(params: ScryptParams): BackupError | null {
  switch (checkScrypt(params)) {
    case 'ok':
      return null
    case 'too-weak':
      return { kind: 'weak-parameters', message: `The backup's password protection is too weak (scrypt N=${params.N}, r=${params.r}; at least N=${MIN_SCRYPT_N}, r=${MIN_SCRYPT_R} is required). It may have been tampered with.` }
    case 'too-costly':
      return {
        kind: 'weak-parameters',
        message: `The backup asks for an unreasonable amount of work to unlock (more than ${MAX_SCRYPT_MEMORY / 2 ** 20} MiB or N·r·p above ${MAX_SCRYPT_WORK}); it was not made by SellerGuard or has been tampered with.`,
      }
    case 'invalid':
      return { kind: 'weak-parameters', message: 'The backup\'s password protection settings are invalid (scrypt N must be a power of two, r and p small positive whole numbers).' }
  }
}

export function wrongPasswordOrDamaged(): BackupError {
  return {
    kind: 'wrong-password-or-damaged',
    message: 'The backup could not be opened: either the password is wrong or the file has been changed or damaged. The encryption cannot tell these apart. Check the password first.',
  }
}

export function emptyPassword(): BackupError {
  return { kind: 'empty-password', message: 'Enter a password: a backup is always encrypted.' }
}

export function invalidContents(what: string, path: readonly PropertyKey[] | undefined): BackupError {
  const where = path && path.length > 0 ? ` (at ${path.map(String).join('.')})` : ''
  return { kind: 'invalid-contents', message: `${what}${where}.` }
}

/** Why the accounts could not be backed up, naming the account (never its secret) so the user can fix it. */
export function unbackable(payload: Readonly<{ accounts: readonly Readonly<{ id: string; issuer: string; label: string }>[] }>, issue: Readonly<{ path: readonly PropertyKey[] }> | undefined): BackupError {
  const [area, index, field] = issue?.path ?? []
  const account = area === 'accounts' && typeof index === 'number' ? payload.accounts[index] : undefined
  if (!account || typeof field !== 'string') return invalidContents('The accounts to back up are not valid', issue?.path)
  const name = [account.issuer, account.label].filter((n) => n !== '').join(' — ') || account.id
  const what = field === 'secret' ? 'its secret key is not one SellerGuard can keep in a backup' : `its ${field} is not valid`
  return { kind: 'invalid-contents', message: `The account “${name.slice(0, 80)}” cannot be backed up: ${what}. Edit or remove it, then back up again.` }
}
