import type { SecretStore } from '../vault/secret-store'
import { openItem, protectionOf, sealItem } from './item-seal'
import type { ItemGate } from './item-gate'
import { isReserved } from './rewrap'
import type { KeyRing } from './vault-key'

/**
 * How new items are written now: plain (lock off, or being turned off),
 * sealed under the key with this id (lock on), or not at all (`unknown`:
 * the lock record has not been read yet, or is damaged; `locked`: the key
 * is not held). Never "plain because the key is missing".
 */
export type WriteMode = Readonly<{ kind: 'plain' }> | Readonly<{ kind: 'sealed'; keyId: string }> | Readonly<{ kind: 'unknown' | 'locked' }>

/** Thrown where a secret would have to be read or written while the app is locked. */
export class AppLockedError extends Error {
  constructor(what: string) {
    super(`SellerGuard is locked: ${what}`)
    this.name = 'AppLockedError'
  }
}

export type LockedStoreDeps = Readonly<{ raw: SecretStore; keys: KeyRing; mode: () => WriteMode; gate: ItemGate }>

/**
 * The keychain as the rest of the app sees it: the same `SecretStore`, with
 * items sealed and opened on the way through (item-seal.ts) while the app
 * lock is on. With the lock off, it passes plain items through unchanged.
 * The probe and the lock record are passed through as they are.
 */
export function createLockedStore(deps: LockedStoreDeps): SecretStore {
  const { raw, keys, gate } = deps
  const open = (id: string, stored: string) => openItem((keyId) => keys.get(keyId), id, stored)

  return {
    get: (id) =>
      isReserved(id)
        ? raw.get(id)
        : gate.shared(async () => {
            const stored = await raw.get(id)
            if (stored === null) return null
            const protection = protectionOf(stored)
            if (protection.kind === 'sealed' && !keys.has(protection.keyId)) throw new AppLockedError(`the key of item ${id} is not unlocked`)
            // A sealed item that does not open was damaged or moved: as good as missing (reported, never deleted).
            return open(id, stored)
          }),
    set: (id, secret) =>
      isReserved(id)
        ? raw.set(id, secret)
        : gate.shared(async () => {
            const mode = deps.mode()
            if (mode.kind === 'plain') return raw.set(id, secret)
            const key = mode.kind === 'sealed' ? keys.get(mode.keyId) : undefined
            if (!key) throw new AppLockedError(mode.kind === 'unknown' ? 'the lock record has not been read' : 'nothing can be stored until it is unlocked')
            return raw.set(id, sealItem(key, id, secret))
          }),
    delete: (id) => (isReserved(id) ? raw.delete(id) : gate.shared(() => raw.delete(id))),
    /** Every item but the probe and the lock record; one that cannot be opened now is listed with an empty secret. */
    list: () => gate.shared(async () => (await raw.list()).filter((item) => !isReserved(item.id)).map((item) => ({ id: item.id, secret: open(item.id, item.secret) ?? '' }))),
    // Asked of the OS, not of the items: passed through, so a keyring locked under a stuck read still says "locked".
    ...(raw.isLocked ? { isLocked: () => raw.isLocked!() } : {}),
  }
}
