import { randomBytes, randomUUID } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { formatUri } from '../otp/uri'
import { gcmSeal } from './aes-gcm'
import { encodeBase64 } from './encoding'
import { invalidAccount, keyDerivationFailed, type ExportError, type ExportOptions } from './export-common'
import { derivePbkdf2 } from './kdf'
import { TWOFAS_ITERATIONS } from './twofas-decrypt'
import type { ImportedAccount } from './types'

/*
 * A 2FAS Authenticator backup (.2fas), schema 4, as the Android app writes it
 * (twofas/2fas-android data/services domain/BackupContent.kt, BackupService.kt,
 * BackupGroup.kt, mapper/ServiceMapper.kt `asBackup`) and both apps read it
 * (2fas-ios MainRepository/DataTypes/ExchangeData2.swift, which requires
 * `icon` with an icon collection and `appOrigin` "android" or "ios").
 *
 *   { services, groups: [{ id, name, isExpanded, updatedAt }], updatedAt,
 *     schemaVersion: 4, appVersionCode, appVersionName, appOrigin,
 *     servicesEncrypted?, reference? }
 *
 * Encrypted (core/cipher BackupCipherImpl.kt, BackupSaltGeneratorRandom.kt,
 * CipherAes.kt): a 256-byte random salt, PBKDF2-HMAC-SHA256 with 10,000
 * iterations to an AES-256 key, AES-GCM with a random 12-byte IV and a 16-byte
 * tag; `servicesEncrypted` is the services JSON sealed so, and `reference` is
 * 2FAS's fixed reference text sealed with the same key, written as
 * base64(ciphertext ‖ tag) ":" base64(salt) ":" base64(iv). The apps decrypt
 * `reference` first to tell a wrong password from a damaged file; groups stay
 * outside the encrypted part. `services` is then empty.
 *
 * 2FAS needs a service name: an account without an issuer is named after its
 * account (otp.issuer stays empty, which twofas.ts reads back as no issuer).
 * 2FAS keeps HOTP counters as 32-bit integers; larger counters are written as
 * they are, which 2FAS may refuse but SellerGuard reads back.
 */

/** BackupContent.Reference in 2fas-android: the text `reference` must decrypt to. */
export const TWOFAS_REFERENCE =
  'tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7IZ2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8ELyOrESv5R5DMDkD4iAF8TXU7KyoJujd'

/** ServiceIcons.defaultCollectionId in 2fas-android: the generic icon. */
const DEFAULT_ICON_COLLECTION = 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad'
const SALT_BYTES = 256
const TOKEN_TYPES = { totp: 'TOTP', hotp: 'HOTP', steam: 'STEAM' } as const

export type TwofasExportOptions = ExportOptions & Readonly<{ /** ms since the epoch, for `updatedAt`. */ now?: () => number }>

/** The backup's text (pretty-printed JSON). */
export async function export2fas(accounts: readonly ImportedAccount[], options: TwofasExportOptions): Promise<Result<string, ExportError>> {
  const invalid = invalidAccount(accounts)
  if (invalid) return err(invalid)
  const at = (options.now ?? Date.now)()
  const groupIds = new Map<string, string>()
  for (const { group } of accounts) if (group && !groupIds.has(group)) groupIds.set(group, randomUUID().toUpperCase())
  const groups = [...groupIds].map(([name, id]) => ({ id, name, isExpanded: true, updatedAt: at }))
  const services = accounts.map((account, position) => service(account, position, at, account.group ? (groupIds.get(account.group) ?? null) : null))
  const content = { groups, updatedAt: at, schemaVersion: 4, appVersionCode: 0, appVersionName: 'SellerGuard', appOrigin: 'android' }
  if (options.plain === true) return ok(`${JSON.stringify({ services, ...content }, null, 2)}\n`)
  if (!options.password) return err({ kind: 'password-required', message: 'Choose a password for the 2FAS backup: 2FAS asks for it when you import the file.' })

  const salt = new Uint8Array(randomBytes(SALT_BYTES))
  const key = await derivePbkdf2(options.password, salt, TWOFAS_ITERATIONS)
  if (key === null) return err(keyDerivationFailed())
  const seal = (text: string) => {
    const sealed = gcmSeal(key, new Uint8Array(Buffer.from(text, 'utf8')))
    return [encodeBase64(Buffer.concat([sealed.ciphertext, sealed.tag])), encodeBase64(salt), encodeBase64(sealed.nonce)].join(':')
  }
  return ok(`${JSON.stringify({ services: [], ...content, servicesEncrypted: seal(JSON.stringify(services)), reference: seal(TWOFAS_REFERENCE) }, null, 2)}\n`)
}

function service(account: ImportedAccount, position: number, at: number, groupId: string | null) {
  return {
    name: account.issuer || account.label,
    secret: account.secret,
    updatedAt: at,
    serviceTypeID: null,
    otp: {
      link: formatUri(account, account.secret),
      label: account.label,
      account: account.label,
      issuer: account.issuer,
      digits: account.digits,
      period: account.type === 'hotp' ? null : account.period,
      algorithm: account.algorithm,
      counter: account.type === 'hotp' ? account.counter : null,
      tokenType: TOKEN_TYPES[account.type],
      source: 'Link',
    },
    order: { position },
    badge: null,
    icon: { selected: 'IconCollection', brand: null, label: null, iconCollection: { id: DEFAULT_ICON_COLLECTION } },
    groupId,
  }
}
