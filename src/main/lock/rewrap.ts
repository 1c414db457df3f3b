import type { Logger } from '../core/log'
import { PROBE_ID, type SecretStore } from '../vault/secret-store'
import { openItem, protectionOf, sealItem } from './item-seal'
import { LOCK_RECORD_ID } from './lock-record'
import type { KeyRing } from './vault-key'

export type RewrapDeps = Readonly<{
  /** The keychain itself (not the lock's view of it): items are read and written as stored. */
  raw: SecretStore
  keys: KeyRing
  log: Logger
  /** After each item: how many are done, of how many. */
  onProgress?: (done: number, total: number) => void
}>

export type RewrapResult = Readonly<{
  /** Items looked at (accounts' and any other SellerGuard secret; not the probe or the lock record). */
  total: number
  /** Items written in the new protection by this run. */
  rewritten: number
  /** Items that could not be opened or written: left as they were, and the change is not finished. */
  failed: string[]
}>

/** Items that are not secrets of their own: the start-up probe and the lock record. */
export const isReserved = (id: string) => id === PROBE_ID || id === LOCK_RECORD_ID

/**
 * Brings every item to `target` (a key id; null = plain): opens it with
 * whichever key it names, writes it back sealed under the target, one item at
 * a time. Items already under the target are left alone, so running it again
 * after a crash only does what is left. Each keychain write replaces one
 * item whole: at every moment each item is old or new, never torn. Call only
 * right after a probe said the keychain is ready (SecretStore.list).
 */
export async function rewrapAll(target: string | null, deps: RewrapDeps): Promise<RewrapResult> {
  const targetKey = target === null ? null : deps.keys.get(target)
  if (target !== null && !targetKey) throw new Error(`the key ${target} to re-wrap to is not held`)
  const items = (await deps.raw.list()).filter((item) => !isReserved(item.id))
  const failed: string[] = []
  let rewritten = 0
  for (const [i, item] of items.entries()) {
    const protection = protectionOf(item.secret)
    const already = target === null ? protection.kind === 'plain' : protection.kind === 'sealed' && protection.keyId === target
    if (!already) {
      const secret = openItem((id) => deps.keys.get(id), item.id, item.secret)
      if (secret === null) {
        deps.log.error(`keychain item ${item.id} cannot be opened with the keys held (${protection.kind}); it is left as it is`)
        failed.push(item.id)
      } else {
        try {
          await deps.raw.set(item.id, targetKey ? sealItem(targetKey, item.id, secret) : secret)
          rewritten++
        } catch (e) {
          deps.log.error(`could not re-wrap keychain item ${item.id}`, e)
          failed.push(item.id)
        }
      }
    }
    deps.onProgress?.(i + 1, items.length)
  }
  return { total: items.length, rewritten, failed }
}
