import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { gcmOpen, gcmSeal, NONCE_BYTES, TAG_BYTES } from '../transfer/aes-gcm'
import { canonicalJson } from '../transfer/canonical-json'
import { decodeBase64, encodeBase64 } from '../transfer/encoding'
import { PasswordSlot } from './password-slot'
import { KEY_ID_PATTERN, VAULT_KEY_BYTES, wipe, type VaultKey } from './vault-key'

/*
 * The lock record: one keychain item (LOCK_RECORD_ID, beside the accounts'
 * items) that says how the items are meant to be protected, and holds, in
 * wrapped form, every key an item may be sealed under.
 *
 *   { "format": "sellerguard-lock", "version": 1,
 *     "target":  "<key id>" | null,   every item should be sealed under this key; null: plain (the lock is being turned off)
 *     "pending": true | false,        a change of protection was started and has not finished (items may be under other keys)
 *     "slots":   [PasswordSlot…],     each opens some vault keys with a password (password-slot.ts)
 *     "bridges": [{ from, to, nonce, sealed }…],  key `to` sealed under key `from`
 *     "open":    [{ keyId, key }…],   keys in the clear: only while the lock is being turned off
 *     "quick":   [{ kind, keys, sealed }…] }   keys sealed by the OS for a quick unlock (Touch ID)
 *
 * It is also the journal of a change of protection. The keychain replaces
 * an item in one call, so the record is always one whole version: before a
 * change touches any item, the record is rewritten to name the new target
 * while still holding the old keys; every item names its own key (see
 * item-seal.ts). Whatever moment a crash hits, each item is under a key the
 * record can give, and finishing the change is idempotent (rewrap.ts).
 */

/** The keychain item of the lock record (never an account id: those start with `acc_`). */
export const LOCK_RECORD_ID = 'sellerguard-app-lock'

const KeyId = z.string().regex(KEY_ID_PATTERN)

export const Bridge = z.object({ from: KeyId, to: KeyId, nonce: z.string().max(40), sealed: z.string().max(200) }).strict()
export type Bridge = z.infer<typeof Bridge>

export const QuickSlot = z.object({ kind: z.literal('touch-id'), keys: z.array(KeyId).min(1).max(8), sealed: z.string().max(4000) }).strict()
export type QuickSlot = z.infer<typeof QuickSlot>

export const LockRecord = z
  .object({
    format: z.literal('sellerguard-lock'),
    version: z.literal(1),
    target: KeyId.nullable(),
    pending: z.boolean(),
    slots: z.array(PasswordSlot).max(4),
    bridges: z.array(Bridge).max(4),
    open: z.array(z.object({ keyId: KeyId, key: z.string().max(100) }).strict()).max(8),
    quick: z.array(QuickSlot).max(2),
  })
  .strict()
  .refine((r) => (r.target === null ? r.open.length > 0 && r.slots.length === 0 : r.slots.length > 0 && r.open.length === 0), 'a locked record has password slots and no open keys; an unlocking one the reverse')
export type LockRecord = z.infer<typeof LockRecord>

export type RecordRead = Readonly<{ kind: 'none' }> | Readonly<{ kind: 'record'; record: LockRecord }> | Readonly<{ kind: 'damaged'; reason: string }>

/** Reads the record's stored text (null: no record, the lock is off). */
export function parseRecord(text: string | null): RecordRead {
  if (text === null) return { kind: 'none' }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { kind: 'damaged', reason: 'it is not JSON' }
  }
  const parsed = LockRecord.safeParse(doc)
  if (!parsed.success) return { kind: 'damaged', reason: parsed.error.issues[0]?.message ?? 'invalid' }
  return { kind: 'record', record: parsed.data }
}

export const formatRecord = (record: LockRecord): string => JSON.stringify(LockRecord.parse(record))

/** The record of a lock that is on; `pending` while items are being brought to `target`. */
export function lockedRecord(target: string, pending: boolean, fields: Readonly<{ slots: PasswordSlot[]; bridges?: Bridge[]; quick?: QuickSlot[] }>): LockRecord {
  return { format: 'sellerguard-lock', version: 1, target, pending, slots: fields.slots, bridges: fields.bridges ?? [], open: [], quick: fields.quick ?? [] }
}

/** The record while the lock is being turned off: the keys in the clear, so finishing needs no password even after a crash. */
export function unlockingRecord(keys: readonly VaultKey[]): LockRecord {
  return { format: 'sellerguard-lock', version: 1, target: null, pending: true, slots: [], bridges: [], open: keys.map((k) => ({ keyId: k.id, key: encodeBase64(k.bytes) })), quick: [] }
}

const bridgeAad = (from: string, to: string, nonce: string) => new Uint8Array(Buffer.from(canonicalJson({ format: 'sellerguard-lock-bridge', version: 1, from, to, nonce }), 'utf8'))

/** `to` sealed under `from`: whoever opens `from` (the old password) can open `to` (the new key) too. */
export function sealBridge(from: VaultKey, to: VaultKey): Bridge {
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES))
  const text = encodeBase64(nonce)
  const sealed = gcmSeal(from.bytes, to.bytes, bridgeAad(from.id, to.id, text), nonce)
  return { from: from.id, to: to.id, nonce: text, sealed: encodeBase64(Buffer.concat([sealed.ciphertext, sealed.tag])) }
}

function openBridge(bridge: Bridge, from: VaultKey): VaultKey | null {
  const nonce = decodeBase64(bridge.nonce)
  const body = decodeBase64(bridge.sealed)
  if (!nonce || nonce.length !== NONCE_BYTES || !body || body.length !== VAULT_KEY_BYTES + TAG_BYTES) return null
  const bytes = gcmOpen(from.bytes, nonce, body.subarray(0, VAULT_KEY_BYTES), body.subarray(VAULT_KEY_BYTES), bridgeAad(bridge.from, bridge.to, bridge.nonce))
  return bytes ? { id: bridge.to, bytes } : null
}

/** The record's keys in the clear (only an unlocking record has any). */
export function openKeys(record: LockRecord): VaultKey[] {
  return record.open.flatMap(({ keyId, key }) => {
    const bytes = decodeBase64(key)
    return bytes && bytes.length === VAULT_KEY_BYTES ? [{ id: keyId, bytes }] : []
  })
}

/** `opened` plus every key a bridge gives from them (repeatedly, so chains work). Duplicates are wiped. */
export function withBridges(record: LockRecord, opened: readonly VaultKey[]): VaultKey[] {
  const keys = new Map<string, VaultKey>()
  for (const key of opened) {
    if (keys.has(key.id)) wipe(key.bytes)
    else keys.set(key.id, key)
  }
  for (let grew = true; grew; ) {
    grew = false
    for (const bridge of record.bridges) {
      const from = keys.get(bridge.from)
      if (!from || keys.has(bridge.to)) continue
      const to = openBridge(bridge, from)
      if (to) {
        keys.set(to.id, to)
        grew = true
      }
    }
  }
  return [...keys.values()]
}
