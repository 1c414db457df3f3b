import { err, ok, type Result } from '../../shared/result'
import { encodeBase32 } from '../otp/base32'
import { backupAccountOf } from '../transfer/backup-schema'
import type { Vault } from '../vault/vault'
import type { BackupSnapshot } from './backup-run'

/** Whether the vault can give every key now, and why not when it cannot (locked, unreachable, damaged list). */
export function vaultKeychain(vault: Vault): Readonly<{ ready: boolean; problem: string | null }> {
  const status = vault.status()
  if (status.metadataProblem) return { ready: false, problem: `the account list cannot be read: ${status.metadataProblem}` }
  if (status.state === 'locked' || status.state === 'unavailable') return { ready: false, problem: `the ${status.keychainName} is ${status.state === 'locked' ? 'locked' : 'not available'}.` }
  return { ready: status.state === 'ready' && status.loaded >= status.total, problem: null }
}

/**
 * What an automatic backup holds: every account with its key as the vault
 * holds it in memory (no keychain read per backup), plus the checklist and
 * settings. Refused while the keychain is locked, still loading, or the
 * account list is damaged: an empty or partial list must never be written
 * as the newest backup.
 */
export function vaultSnapshot(vault: Vault, extras: () => Readonly<{ checklist?: unknown; settings?: unknown }>): Result<BackupSnapshot, string> {
  const keychain = vaultKeychain(vault)
  if (!keychain.ready) return err(`Automatic backups wait: ${keychain.problem ?? 'the keychain is still loading.'}`)
  const accounts: BackupSnapshot['accounts'][number][] = []
  const missing: string[] = []
  for (const account of vault.accounts()) {
    const key = vault.key(account.id)
    if (key) accounts.push(backupAccountOf(account, encodeBase32(key)))
    else missing.push(account.id)
  }
  return ok({ accounts, ...extras(), missing })
}
