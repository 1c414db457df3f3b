import { err, ok, type Result } from '../../../shared/result'
import { inField } from '../account-fields'
import { readBitwardenTotp } from '../bitwarden'
import { column, hasCsvHeader, parseCsv } from '../csv'
import { collectEntries, skippedWarning } from '../entries'
import { displayName } from '../json-read'
import type { ImportError, ImportResult } from '../types'

/*
 * Bitwarden's CSV export ("File format: .csv"), as bitwarden/clients writes
 * it (libs/tools/export/vault-export/vault-export-core/src/types/
 * bitwarden-csv-export-type.ts, BitwardenCsvIndividualExportType; read as
 * mirrored in dionysius/vaultwarden-web-vault-deb at 250075a):
 *   folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
 * Older exports have no `reprompt` column (Aegis's test file bitwarden.csv);
 * columns are found by name, so both read the same. `login_totp` holds what
 * the JSON's login.totp holds: an otpauth:// URI, steam://SECRET, or a bare
 * base32 key (see bitwarden.ts). Rows without a key are logins or notes and
 * are left out and counted.
 */

const REQUIRED = ['type', 'name', 'login_username', 'login_totp'] as const

export function looksLikeBitwardenCsv(text: string): boolean {
  return hasCsvHeader(text, REQUIRED)
}

export function importBitwardenCsv(text: string): Result<ImportResult, ImportError> {
  const table = parseCsv(text)
  if (!table.ok) return err({ kind: 'bad-file', format: 'bitwarden', message: `The Bitwarden CSV export is damaged: ${table.error}` })
  let skipped = 0
  const rows = table.value.rows
  const result = collectEntries('bitwarden', rows, (_, index) => {
    const { fields, line } = rows[index]!
    const totp = column(table.value, fields, 'login_totp').trim()
    if (totp === '') {
      skipped++
      return null
    }
    const names = { issuer: column(table.value, fields, 'name').trim(), label: column(table.value, fields, 'login_username').trim() }
    const folder = column(table.value, fields, 'folder').trim()
    const account = readBitwardenTotp(totp, names, folder === '' ? undefined : folder)
    return { name: displayName(names.issuer, names.label), account: account.ok ? account : err(`Line ${line}: ${inField('login_totp', account.error)}`) }
  })
  return ok({ ...result, warnings: skippedWarning(skipped, 'without a one-time code (passwords, notes, cards)') })
}
