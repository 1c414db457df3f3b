import { err, ok, type Result } from '../../../shared/result'
import { accountFromUri, buildAccount, inField } from '../account-fields'
import { column, hasCsvHeader, parseCsv } from '../csv'
import { collectEntries, skippedWarning } from '../entries'
import { readFields } from '../field-reader'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportedAccount, ImportError, ImportResult } from '../types'

/*
 * 1Password's exports. There is no public source for 1Password itself; this
 * follows the 1PUX files KeePassXC tests with (keepassxreboot/keepassxc at
 * 95bae83, tests/data/1PasswordExport.1pux, read by src/format/OPUXReader.cpp) and
 * Bitwarden's reader (bitwarden/clients libs/importer onepassword-1pux-importer.ts).
 *  - .1pux: a zip with export.attributes ({ version: 3, … }) and export.data:
 *      { accounts: [{ attrs, vaults: [{ attrs: { name }, items: [{ uuid,
 *        categoryUuid, state, overview: { title, url, tags }, details: {
 *        loginFields: [{ designation: "username", value }], sections: [{
 *        fields: [{ title, id, value: { totp: "…" } }] }] } }] }] }] }
 *    A one-time password field's `totp` is an otpauth:// URI or a bare base32
 *    key; an item may have several. Vault names become groups when there are
 *    several vaults.
 *  - CSV (1Password 8): Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes.
 * Items without a one-time password are left out and counted.
 */

export function looksLikeOnePasswordData(doc: unknown): boolean {
  return isObject(doc) && Array.isArray(doc.accounts) && doc.accounts.some((account) => isObject(account) && Array.isArray(account.vaults))
}

type Found = Readonly<{ totp: string; title: string; username: string; group?: string | undefined; where: string }>

export function importOnePasswordData(doc: JsonObject): ImportResult {
  const vaults = (Array.isArray(doc.accounts) ? doc.accounts : []).filter(isObject).flatMap((account) => (Array.isArray(account.vaults) ? account.vaults : []).filter(isObject))
  const found: (Found | { problem: string; title: string })[] = []
  let withoutCode = 0
  for (const vault of vaults) {
    const vaultName = isObject(vault.attrs) && typeof vault.attrs.name === 'string' ? vault.attrs.name : undefined
    for (const item of (Array.isArray(vault.items) ? vault.items : []).filter(isObject)) {
      const codes = totpsOf(item)
      if (codes.length === 0) withoutCode++
      for (const code of codes) found.push('problem' in code ? code : { ...code, group: vaults.length > 1 ? vaultName : undefined })
    }
  }
  const result = collectEntries('1password', found, (_, index) => {
    const entry = found[index]!
    if ('problem' in entry) return { name: entry.title, account: err(entry.problem) }
    return { name: displayName(entry.title, entry.username), account: accountOf(entry) }
  })
  return { ...result, warnings: skippedWarning(withoutCode, 'without a one-time password') }
}

function totpsOf(item: JsonObject): (Omit<Found, 'group'> | { problem: string; title: string })[] {
  const fields = readFields(item)
  const title = fields.object('overview')?.string('title') ?? ''
  const details = fields.object('details')
  const username = (details?.array('loginFields') ?? []).filter(isObject).find((field) => field.designation === 'username')?.value
  const out: (Omit<Found, 'group'> | { problem: string; title: string })[] = []
  ;(details?.array('sections') ?? []).filter(isObject).forEach((section, s) => {
    ;(Array.isArray(section.fields) ? section.fields : []).filter(isObject).forEach((field, f) => {
      const value = isObject(field.value) ? field.value : undefined
      if (value === undefined || !('totp' in value)) return
      const where = `details.sections[${s}].fields[${f}].value.totp`
      if (typeof value.totp !== 'string') out.push({ title, problem: inField(where, 'it is not text.') })
      else if (value.totp.trim() !== '') out.push({ totp: value.totp.trim(), title, username: typeof username === 'string' ? username : '', where })
    })
  })
  const problem = fields.problem()
  return problem === null ? out : [{ title, problem }]
}

function accountOf(found: Found): Result<ImportedAccount, string> {
  const names = { issuer: found.title.trim(), label: found.username.trim() }
  if (!found.totp.toLowerCase().startsWith('otpauth://')) return buildAccount({ type: 'totp', ...names, secret: found.totp, ...(found.group ? { group: found.group } : {}) }, { secret: found.where })
  const account = accountFromUri(found.totp, found.group)
  if (!account.ok) return err(inField(found.where, account.error))
  return ok({ ...account.value, issuer: account.value.issuer || names.issuer, label: account.value.label || names.label })
}

const CSV_COLUMNS = ['title', 'username', 'otpauth'] as const

export function looksLikeOnePasswordCsv(text: string): boolean {
  return hasCsvHeader(text, CSV_COLUMNS)
}

export function importOnePasswordCsv(text: string): Result<ImportResult, ImportError> {
  const table = parseCsv(text)
  if (!table.ok) return err({ kind: 'bad-file', format: '1password', message: `The 1Password CSV export is damaged: ${table.error}` })
  let withoutCode = 0
  const rows = table.value.rows
  const result = collectEntries('1password', rows, (_, index) => {
    const { fields, line } = rows[index]!
    const totp = column(table.value, fields, 'otpauth').trim()
    if (totp === '') {
      withoutCode++
      return null
    }
    const found = { totp, title: column(table.value, fields, 'title'), username: column(table.value, fields, 'username'), where: 'OTPAuth' }
    const account = accountOf(found)
    return { name: displayName(found.title, found.username), account: account.ok ? account : err(`Line ${line}: ${account.error}`) }
  })
  return ok({ ...result, warnings: skippedWarning(withoutCode, 'without a one-time password') })
}
