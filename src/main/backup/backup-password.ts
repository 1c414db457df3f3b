import { BACKUP_PASSWORD_ID, type SecretStore } from '../vault/secret-store'

export { BACKUP_PASSWORD_ID }

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
