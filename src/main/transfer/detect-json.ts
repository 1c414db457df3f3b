import { err, ok, type Result } from '../../shared/result'
import { importAegis, looksLikeAegis } from './aegis'
import { looksLikeBackup } from './backup'
import { importBitwarden, looksLikeBitwarden } from './bitwarden'
import { importAndOtp, looksLikeAndOtp } from './formats/andotp'
import { importAuthenticatorPro, looksLikeAuthenticatorPro } from './formats/authenticator-pro'
import { importAuthy, looksLikeAuthy } from './formats/authy'
import { importDuo, looksLikeDuo } from './formats/duo'
import { importEnteEncrypted, looksLikeEnteEncrypted } from './formats/ente'
import { importFreeOtpPlus, looksLikeFreeOtpPlus } from './formats/freeotp-plus'
import { importLastPass, looksLikeLastPass } from './formats/lastpass'
import { importOnePasswordData, looksLikeOnePasswordData } from './formats/onepassword'
import { importProtonPass, looksLikeProtonPass } from './formats/proton-pass'
import { importSteam, looksLikeSteam } from './formats/steam'
import { parseJson, type JsonObject } from './json-read'
import { importProton, looksLikeProton } from './proton'
import { import2fas, looksLike2fas } from './twofas'
import type { ImportError, ImportOptions, ImportResult } from './types'

/*
 * JSON exports, told apart by their shape. Each test looks for keys only its
 * format has; the order only matters where shapes overlap (an Aegis vault
 * before anything with `version`, 1Password's data before LastPass, which
 * both have `accounts`).
 */

type Reader = Readonly<{
  looksLike: (doc: unknown) => boolean
  read: (doc: unknown, text: string, options: ImportOptions) => Result<ImportResult, ImportError> | Promise<Result<ImportResult, ImportError>> | ImportResult
}>

const READERS: readonly Reader[] = [
  { looksLike: looksLikeAegis, read: (_, text, options) => importAegis(text, options) },
  { looksLike: looksLike2fas, read: (_, text, options) => import2fas(text, options) },
  { looksLike: looksLikeProton, read: (_, text) => importProton(text) },
  { looksLike: looksLikeEnteEncrypted, read: (doc, _, options) => importEnteEncrypted(doc as JsonObject, options) },
  { looksLike: looksLikeAuthenticatorPro, read: (doc) => importAuthenticatorPro(doc as JsonObject) },
  { looksLike: looksLikeFreeOtpPlus, read: (doc) => importFreeOtpPlus(doc as JsonObject) },
  { looksLike: looksLikeOnePasswordData, read: (doc) => importOnePasswordData(doc as JsonObject) },
  { looksLike: looksLikeLastPass, read: (doc) => importLastPass(doc as JsonObject) },
  { looksLike: looksLikeProtonPass, read: (doc) => importProtonPass(doc as JsonObject) },
  { looksLike: looksLikeBitwarden, read: (_, text) => importBitwarden(text) },
  { looksLike: looksLikeSteam, read: (doc) => importSteam(doc as JsonObject) },
  { looksLike: looksLikeAuthy, read: (doc) => importAuthy(doc) },
  { looksLike: looksLikeDuo, read: (doc) => importDuo(doc as unknown[]) },
  { looksLike: looksLikeAndOtp, read: (doc) => importAndOtp(doc as unknown[]) },
]

export async function importJson(text: string, options: ImportOptions): Promise<Result<ImportResult, ImportError>> {
  const parsed = parseJson(text)
  if (!parsed.ok) return err({ kind: 'bad-file', message: 'The file looks like a JSON export but is damaged or cut short.' })
  const doc = parsed.value
  if (looksLikeBackup(doc)) return err({ kind: 'sellerguard-backup', message: 'This is a SellerGuard backup. Use "Restore from backup" to open it.' })
  const reader = READERS.find((candidate) => candidate.looksLike(doc))
  if (reader === undefined) {
    return err({ kind: 'unrecognised-format', message: 'The file is JSON, but not an export from an app SellerGuard knows.' })
  }
  const result = await reader.read(doc, text, options)
  return 'ok' in result ? result : ok(result)
}
