import { err, ok, type Result } from '../../shared/result'
import { percentEncode } from '../otp/percent'
import { formatUri } from '../otp/uri'
import { invalidAccount, type ExportError } from './export-common'
import type { ImportedAccount } from './types'

/*
 * Every account as an `otpauth://` URI, one per line (Google's Key URI
 * Format, https://github.com/google/google-authenticator/wiki/Key-Uri-Format),
 * the lowest common denominator: Aegis, 2FAS, Ente Auth, KeePassXC, Bitwarden
 * and most other apps read such a list or single links from it. Always plain
 * text: the UI shows a warning first and this file's header repeats it.
 *
 * A group is carried in a `group` parameter (percent-encoded), which the
 * Key URI Format lets other readers ignore ("unknown parameters are ignored")
 * and SellerGuard's own list importer reads back (otpauth-list.ts). The "#"
 * lines are comments to importers that skip them (Aegis's and ours).
 */

/** The header: what the file is and that it is not protected. Each line starts with "#". */
export const OTPAUTH_LIST_HEADER = [
  '# SellerGuard export: every account as an otpauth:// link, one per line.',
  '# WARNING: this file is NOT encrypted. Anyone who can read it can make your sign-in codes.',
  '# Import it where you need it, then delete it (and empty the trash).',
]

export function exportOtpauthList(accounts: readonly ImportedAccount[]): Result<string, ExportError> {
  const invalid = invalidAccount(accounts)
  if (invalid) return err(invalid)
  const lines = accounts.map((account) => {
    const uri = formatUri(account, account.secret)
    return account.group ? `${uri}&group=${percentEncode(account.group)}` : uri
  })
  return ok(`${[...OTPAUTH_LIST_HEADER, ...lines].join('\n')}\n`)
}
