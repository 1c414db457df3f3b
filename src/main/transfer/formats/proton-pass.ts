import { err, ok } from '../../../shared/result'
import { accountFromUri, buildAccount, inField } from '../account-fields'
import { collectEntries, skippedWarning } from '../entries'
import { displayName, isObject, type JsonObject } from '../json-read'
import type { ImportedAccount, ImportResult } from '../types'
import type { Result } from '../../../shared/result'

/*
 * Proton Pass's export (ProtonMail/WebClients packages/pass/lib/export:
 * export.ts createPassExportZip, archive.ts, types.ts ExportData): a zip
 * holding "Proton Pass/data.json" (and attachments under "Proton Pass/files/"),
 * or that JSON on its own:
 *   { version: "1.21.2", userId, encrypted?, vaults: { <shareId>: { name,
 *     description, display, items: [{ itemId, shareId, state (1 active, 2
 *     trashed), data: { type: "login" | "note" | …, metadata: { name, note },
 *     content: { itemEmail, itemUsername, password, urls, totpUri },
 *     extraFields: [{ fieldName, type: "totp", data: { totpUri } }] } }] } } }
 * `totpUri` is an otpauth:// URI or a bare base32 key (Bitwarden's test file
 * protonpass.json.ts has both). Vault names become groups; trashed items and
 * items without a code are left out and counted. An encrypted export
 * ("data.pgp", OpenPGP) must be exported again without encryption.
 */

export const PROTON_PASS_DATA = 'Proton Pass/data.json'
export const PROTON_PASS_ENCRYPTED = 'Proton Pass/data.pgp'

export function looksLikeProtonPass(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.vaults) && typeof doc.version === 'string'
}

type Found = Readonly<{ uri: string; title: string; username: string; group: string; where: string }>

export function importProtonPass(doc: JsonObject): ImportResult {
  const found: Found[] = []
  let withoutCode = 0
  let trashed = 0
  for (const vault of Object.values(isObject(doc.vaults) ? doc.vaults : {})) {
    if (!isObject(vault)) continue
    const group = typeof vault.name === 'string' ? vault.name : ''
    ;(Array.isArray(vault.items) ? vault.items : []).filter(isObject).forEach((item) => {
      if (item.state === 2) return void trashed++
      const codes = codesOf(item, group)
      if (codes.length === 0) withoutCode++
      found.push(...codes)
    })
  }
  const result = collectEntries('proton-pass', found, (_, index) => {
    const entry = found[index]!
    return { name: displayName(entry.title, entry.username), account: accountOf(entry) }
  })
  return { ...result, warnings: [...skippedWarning(withoutCode, 'without a one-time code'), ...skippedWarning(trashed, 'in the trash')] }
}

function codesOf(item: JsonObject, group: string): Found[] {
  const data = isObject(item.data) ? item.data : {}
  const metadata = isObject(data.metadata) ? data.metadata : {}
  const content = isObject(data.content) ? data.content : {}
  const title = typeof metadata.name === 'string' ? metadata.name : ''
  const username = [content.itemUsername, content.itemEmail].find((value): value is string => typeof value === 'string' && value.trim() !== '') ?? ''
  const found: Found[] = []
  if (typeof content.totpUri === 'string' && content.totpUri.trim() !== '') found.push({ uri: content.totpUri.trim(), title, username, group, where: 'data.content.totpUri' })
  ;(Array.isArray(data.extraFields) ? data.extraFields : []).filter(isObject).forEach((field, f) => {
    const uri = field.type === 'totp' && isObject(field.data) ? field.data.totpUri : undefined
    const name = typeof field.fieldName === 'string' ? field.fieldName : ''
    if (typeof uri === 'string' && uri.trim() !== '') found.push({ uri: uri.trim(), title: name ? `${title} (${name})` : title, username, group, where: `data.extraFields[${f}].data.totpUri` })
  })
  return found
}

function accountOf(found: Found): Result<ImportedAccount, string> {
  const names = { issuer: found.title.trim(), label: found.username.trim(), group: found.group }
  if (!found.uri.toLowerCase().startsWith('otpauth://')) return buildAccount({ type: 'totp', ...names, secret: found.uri }, { secret: found.where })
  const account = accountFromUri(found.uri, found.group)
  return account.ok ? ok({ ...account.value, issuer: account.value.issuer || names.issuer, label: account.value.label || names.label }) : err(inField(found.where, account.error))
}
