import { apiError, type AccountSummary, type ApiError, type ExportedFile } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Vault } from '../vault/vault'
import { exportAegisVault } from './aegis-export'
import { encryptBackup } from './backup'
import { backupAccountOf } from './backup-schema'
import type { ExportError } from './export-common'
import { exportOtpauthList } from './otpauth-export'
import { export2fas } from './twofas-export'

export type ExportDeps = Readonly<{
  vault: Vault
  now: () => number
  /** Called after an encrypted backup is made, with the accounts it holds: the checklist's "recent backup" evidence. */
  recordBackup: (at: number, accounts: readonly AccountSummary[]) => Promise<void>
  /** Checklist and settings to include in a backup. */
  extras: () => Readonly<{ checklist?: unknown; settings?: unknown }>
}>

type WithSecret = AccountSummary & { secret: string }

/**
 * Moving out: every account with its secret, read fresh from the keychain,
 * as an encrypted SellerGuard backup, an Aegis vault, a 2FAS backup or a
 * plain otpauth:// list. Only on the user's explicit request; the plain
 * forms only after the UI's warning.
 */
export function createExports(deps: ExportDeps) {
  const day = () => new Date(deps.now()).toISOString().slice(0, 10)
  const file = (fileName: string, mimeType: string, text: Result<string, ExportError>): Result<ExportedFile, ApiError> =>
    text.ok ? ok({ fileName, mimeType, content: text.value }) : err(apiError('invalid-input', text.error.message))

  return {
    async exportBackup(password: string): Promise<Result<ExportedFile, ApiError>> {
      const accounts = await withSecrets(deps.vault)
      if (!accounts.ok) return accounts
      const at = deps.now()
      const entries = accounts.value.map((account) => backupAccountOf(account, account.secret))
      const text = await encryptBackup({ accounts: entries, ...deps.extras() }, password, { now: () => at })
      if (!text.ok) return err(apiError('invalid-input', text.error.message))
      await deps.recordBackup(at, accounts.value)
      return ok({ fileName: `sellerguard-backup-${day()}.json`, mimeType: 'application/json', content: text.value })
    },

    async exportAegis(password: string | undefined, plain: boolean): Promise<Result<ExportedFile, ApiError>> {
      const accounts = await withSecrets(deps.vault)
      if (!accounts.ok) return accounts
      const text = await exportAegisVault(accounts.value, plain ? { plain: true } : { password: password ?? '' })
      return file(`aegis-export-${plain ? 'plain' : 'encrypted'}-${day()}.json`, 'application/json', text)
    },

    async export2fas(password: string | undefined, plain: boolean): Promise<Result<ExportedFile, ApiError>> {
      const accounts = await withSecrets(deps.vault)
      if (!accounts.ok) return accounts
      const text = await export2fas(accounts.value, plain ? { plain: true, now: deps.now } : { password: password ?? '', now: deps.now })
      return file(`2fas-export-${plain ? 'plain' : 'encrypted'}-${day()}.2fas`, 'application/json', text)
    },

    /** Plain text: every secret readable. The UI warns before asking for it. */
    async exportOtpauthList(): Promise<Result<ExportedFile, ApiError>> {
      const accounts = await withSecrets(deps.vault)
      if (!accounts.ok) return accounts
      return file(`otpauth-links-plain-${day()}.txt`, 'text/plain', exportOtpauthList(accounts.value))
    },
  }
}

/** Every account with its secret read fresh from the keychain, for an explicit export. */
async function withSecrets(vault: Vault): Promise<Result<WithSecret[], ApiError>> {
  const out: WithSecret[] = []
  for (const account of vault.accounts()) {
    const key = await vault.reveal(account.id)
    if (!key.ok) return err(key.error.kind === 'not-found' ? key.error : apiError(key.error.kind, `Could not read the secret of ${account.issuer || account.label}: ${key.error.message} Nothing was exported.`))
    out.push({ ...account, secret: key.value.base32 })
  }
  return ok(out)
}
