import { VAULT_KEY_BYTES, wipe, type VaultKey } from './vault-key'

/** Keys laid end to end, in order: what a quick-unlock slot seals. */
export function joinKeys(keys: readonly VaultKey[]): Uint8Array {
  const out = new Uint8Array(keys.length * VAULT_KEY_BYTES)
  keys.forEach((key, i) => out.set(key.bytes, i * VAULT_KEY_BYTES))
  return out
}

/** The keys named by `ids` from `joinKeys`' bytes (which are wiped); null when the length does not fit. */
export function splitKeys(ids: readonly string[], bytes: Uint8Array): VaultKey[] | null {
  if (bytes.length !== ids.length * VAULT_KEY_BYTES) {
    wipe(bytes)
    return null
  }
  const keys = ids.map((id, i) => ({ id, bytes: bytes.slice(i * VAULT_KEY_BYTES, (i + 1) * VAULT_KEY_BYTES) }))
  wipe(bytes)
  return keys
}
