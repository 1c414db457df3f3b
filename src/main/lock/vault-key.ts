import { randomBytes } from 'node:crypto'

/** AES-256: a vault key is 32 random bytes. */
export const VAULT_KEY_BYTES = 32

/**
 * A vault key: the AES-256-GCM key every keychain item is sealed under while
 * the app lock is on. `id` (16 hex digits, random) names it inside each item
 * and in the lock record, so an item says which key it needs.
 */
export type VaultKey = Readonly<{ id: string; bytes: Uint8Array }>

export const KEY_ID_PATTERN = /^[0-9a-f]{16}$/

export function newVaultKey(): VaultKey {
  return { id: randomBytes(8).toString('hex'), bytes: new Uint8Array(randomBytes(VAULT_KEY_BYTES)) }
}

/** Overwrites bytes in place: what the process can do to forget a key (the JavaScript engine may hold copies it made itself). */
export function wipe(bytes: Uint8Array | null | undefined): void {
  bytes?.fill(0)
}

/**
 * The vault keys main holds while unlocked, by id. `clear()` overwrites each
 * one before dropping it, so a lock leaves no key bytes behind in the buffers
 * this process owns.
 */
export interface KeyRing {
  get(id: string): VaultKey | undefined
  has(id: string): boolean
  /** Takes ownership: the ring overwrites the bytes when it is cleared. */
  add(key: VaultKey): void
  /** Overwrites and drops one key. */
  remove(id: string): void
  ids(): string[]
  readonly size: number
  clear(): void
}

export function createKeyRing(): KeyRing {
  const keys = new Map<string, VaultKey>()
  return {
    get: (id) => keys.get(id),
    has: (id) => keys.has(id),
    add(key) {
      const old = keys.get(key.id)
      if (old && old.bytes !== key.bytes) wipe(old.bytes)
      keys.set(key.id, key)
    },
    remove(id) {
      wipe(keys.get(id)?.bytes)
      keys.delete(id)
    },
    ids: () => [...keys.keys()],
    get size() {
      return keys.size
    },
    clear() {
      for (const key of keys.values()) wipe(key.bytes)
      keys.clear()
    },
  }
}
