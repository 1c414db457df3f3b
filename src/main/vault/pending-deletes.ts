import type { AccountSummary } from '../../shared/contract'
import type { Logger } from '../core/log'
import type { SecretStore } from './secret-store'

export type PendingDelete = Readonly<{ account: AccountSummary; key: Uint8Array | undefined; undoUntil: number }>

export type PendingDeletesDeps = Readonly<{
  secrets: SecretStore
  log: Logger
  now: () => number
  /** How long a deleted account can be brought back, ms. */
  undoWindowMs: number
  setTimer: (fn: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  /** Runs a keychain delete in the vault's queue, so it never interleaves with another write. */
  run: (task: () => Promise<void>) => Promise<void>
}>

export interface PendingDeletes {
  /** The account's metadata is gone; its secret stays in the keychain for the undo window. Returns when that ends, ms since the epoch. */
  hold(account: AccountSummary, key: Uint8Array | undefined): number
  get(id: string): PendingDelete | undefined
  /** Undone: the secret stays. */
  cancel(id: string): void
  ids(): IterableIterator<string>
  /** The app locked: the held keys are overwritten and dropped (an undo then reads the secret again). */
  forgetKeys(): void
  /** Deletes every held secret now (quitting). */
  flush(): Promise<void>
}

/** Deleted accounts during their undo window: their secrets are deleted only when it ends. */
export function createPendingDeletes(deps: PendingDeletesDeps): PendingDeletes {
  const pending = new Map<string, PendingDelete & { timer: unknown }>()

  async function deleteSecret(id: string): Promise<void> {
    if (!pending.delete(id)) return
    try {
      await deps.secrets.delete(id)
    } catch (e) {
      // It stays in the keychain and is reported as an orphan at the next start.
      deps.log.error(`could not delete the keychain item of account ${id}`, e)
    }
  }

  return {
    hold(account, key) {
      const undoUntil = deps.now() + deps.undoWindowMs
      const timer = deps.setTimer(() => void deps.run(() => deleteSecret(account.id)), deps.undoWindowMs)
      pending.set(account.id, { account, key, timer, undoUntil })
      return undoUntil
    },
    get: (id) => pending.get(id),
    cancel(id) {
      const held = pending.get(id)
      if (!held) return
      deps.clearTimer(held.timer)
      pending.delete(id)
    },
    ids: () => pending.keys(),
    forgetKeys() {
      for (const [id, held] of pending) {
        held.key?.fill(0)
        pending.set(id, { ...held, key: undefined })
      }
    },
    async flush() {
      for (const [id, held] of pending) {
        deps.clearTimer(held.timer)
        await deleteSecret(id)
      }
    },
  }
}
