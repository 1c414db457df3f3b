import { randomBytes, randomUUID } from 'node:crypto'
import { err, ok, type Result } from '../../shared/result'
import { gcmSeal } from './aes-gcm'
import { encodeBase64, encodeHex } from './encoding'
import { invalidAccount, keyDerivationFailed, type ExportError, type ExportOptions } from './export-common'
import { deriveScrypt, type ScryptParams } from './kdf'
import type { ImportedAccount } from './types'

/*
 * Writes accounts as an Aegis vault (beemdevelopment/Aegis docs/vault.md),
 * which Aegis imports as "Aegis (.json)", and other apps (2FAS, Proton
 * Authenticator, Ente…) read too. Encrypted unless the caller explicitly asks
 * for a plain file: a plain vault is every secret in clear text.
 *
 *   { version: 1,
 *     header: { slots: [password slot], params: { nonce, tag } },   (both null when plain)
 *     db: base64(AES-256-GCM(master key, content)) | content }
 *   content = { version: 3, entries: [...], groups: [{ uuid, name }] }
 *
 * The password slot is what Aegis writes (PasswordSlot.toJson): scrypt with
 * N = 2^15, r = 8, p = 1 and a 32-byte salt derives a key that wraps the
 * random 32-byte master key with AES-256-GCM; hex for key, nonce, tag and salt.
 */

/** Aegis's own parameters (SCryptParameters in CryptoUtils.java): Aegis expects to run these on a phone. */
export const AEGIS_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 }

/** The vault's text (pretty-printed JSON, as Aegis writes it). */
export async function exportAegisVault(accounts: readonly ImportedAccount[], options: ExportOptions): Promise<Result<string, ExportError>> {
  const invalid = invalidAccount(accounts)
  if (invalid) return err(invalid)
  const content = vaultContent(accounts)
  if (options.plain === true) return ok(`${JSON.stringify({ version: 1, header: { slots: null, params: null }, db: content }, null, 4)}\n`)
  if (!options.password) return err({ kind: 'password-required', message: 'Choose a password for the exported vault: you will need it to import the file into Aegis.' })

  const masterKey = new Uint8Array(randomBytes(32))
  const salt = new Uint8Array(randomBytes(32))
  const wrappingKey = await deriveScrypt(options.password, salt, AEGIS_SCRYPT)
  if (wrappingKey === null) return err(keyDerivationFailed())
  const slot = gcmSeal(wrappingKey, masterKey)
  const db = gcmSeal(masterKey, new Uint8Array(Buffer.from(JSON.stringify(content), 'utf8')))
  const header = {
    slots: [
      {
        type: 1,
        uuid: randomUUID(),
        key: encodeHex(slot.ciphertext),
        key_params: { nonce: encodeHex(slot.nonce), tag: encodeHex(slot.tag) },
        n: AEGIS_SCRYPT.N,
        r: AEGIS_SCRYPT.r,
        p: AEGIS_SCRYPT.p,
        salt: encodeHex(salt),
        // Keys are UTF-8 of the password, so not affected by Aegis issue #95.
        repaired: true,
        is_backup: false,
      },
    ],
    params: { nonce: encodeHex(db.nonce), tag: encodeHex(db.tag) },
  }
  return ok(`${JSON.stringify({ version: 1, header, db: encodeBase64(db.ciphertext) }, null, 4)}\n`)
}

/** Vault content version 3 (Vault.VERSION): entries with group UUIDs, and the groups. */
function vaultContent(accounts: readonly ImportedAccount[]) {
  const groups = new Map<string, string>()
  for (const { group } of accounts) if (group && !groups.has(group)) groups.set(group, randomUUID())
  const entries = accounts.map((account) => {
    const common = { secret: account.secret, algo: account.algorithm, digits: account.digits }
    const group = account.group ? groups.get(account.group) : undefined
    return {
      type: account.type,
      uuid: randomUUID(),
      name: account.label,
      issuer: account.issuer,
      note: '',
      favorite: false,
      icon: null,
      icon_mime: null,
      icon_hash: null,
      info: account.type === 'hotp' ? { ...common, counter: account.counter } : { ...common, period: account.period },
      groups: group ? [group] : [],
    }
  })
  return { version: 3, entries, groups: [...groups].map(([name, uuid]) => ({ uuid, name })) }
}
