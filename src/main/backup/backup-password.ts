import type { SecretStore } from '../vault/secret-store'

/** The keychain item that holds the automatic backups' password, beside the accounts' secrets. */
export const BACKUP_PASSWORD_ID = 'sellerguard-backup-password'

export type BackupPassword = Readonly<{
  /** null when none is set; throws when the keychain cannot be reached. */
  get(): Promise<string | null>
  set(password: string): Promise<void>
}>

/** The automatic backups' own password, kept only in the OS keychain (never in a file). */
export function createBackupPassword(secrets: SecretStore): BackupPassword {
  return {
    get: () => secrets.get(BACKUP_PASSWORD_ID),
    set: (password) => secrets.set(BACKUP_PASSWORD_ID, password),
  }
}
