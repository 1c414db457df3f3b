import { randomBytes } from 'node:crypto'
import { apiError, type ApiError, type LockChangeKind, type LockReason, type LockState, type LockStatus } from '../../shared/contract'
import { err, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import { probeKeychain, type SecretStore } from '../vault/secret-store'
import { FREE_TRIES, type Backoff } from './backoff'
import type { ItemGate } from './item-gate'
import { formatRecord, LOCK_RECORD_ID, type LockRecord } from './lock-record'
import type { WriteMode } from './locked-store'
import { openSlot, type SlotCost, type SlotOpening } from './password-slot'
import type { QuickUnlockPort } from './quick-unlock'
import { rewrapAll } from './rewrap'
import type { KeyRing } from './vault-key'

/**
 * The lock's state and the steps its operations share (lock-service.ts,
 * lock-changes.ts): the record in memory and in the keychain, the keys
 * held, the wrong-password count, re-wrapping with progress.
 */
export interface LockCore {
  readonly raw: SecretStore
  readonly keys: KeyRing
  readonly gate: ItemGate
  readonly backoff: Backoff
  readonly log: Logger
  readonly cost: SlotCost
  readonly quick: QuickUnlockPort | null
  state(): LockState
  record(): LockRecord | null
  set(patch: Partial<Readonly<{ state: LockState; lockedBy: LockReason | null; problem: string | null }>>): void
  /** Writes the record to the keychain first, then holds it; null deletes it (the lock is off). */
  writeRecord(record: LockRecord | null): Promise<void>
  /** Takes the record as read from the keychain at start-up. */
  holdRecord(record: LockRecord | null): void
  mode(): WriteMode
  status(): LockStatus
  emit(): void
  /** Re-wraps every item to `target` (after a probe), reporting progress as `kind`; true when every item made it. */
  rewrap(kind: LockChangeKind, target: string | null): Promise<boolean>
  /** Tries the password on every password slot; counts a failure; null when none opened (the error is in `refusal`). */
  tryPassword(password: string): Promise<Result<NonNullable<SlotOpening>, ApiError>>
  /** The `retry-later` error while a wait after wrong passwords runs. */
  waiting(): ApiError | null
}

export type LockCoreDeps = Readonly<{
  raw: SecretStore
  keys: KeyRing
  gate: ItemGate
  backoff: Backoff
  log: Logger
  cost: SlotCost
  quick: QuickUnlockPort | null
  now: () => number
  onStatus: (status: LockStatus) => void
}>

const seconds = (ms: number) => (ms >= 90_000 ? `${Math.ceil(ms / 60_000)} min` : `${Math.ceil(ms / 1000)} s`)

export function createLockCore(deps: LockCoreDeps): LockCore {
  const { raw, keys, backoff } = deps
  let state: LockState = 'checking'
  let record: LockRecord | null = null
  let lockedBy: LockReason | null = null
  let problem: string | null = null
  let change: LockStatus['change'] = null

  const core: LockCore = {
    raw,
    keys,
    gate: deps.gate,
    backoff,
    log: deps.log,
    cost: deps.cost,
    quick: deps.quick,
    state: () => state,
    record: () => record,
    set(patch) {
      if (patch.state !== undefined) state = patch.state
      if (patch.lockedBy !== undefined) lockedBy = patch.lockedBy
      if (patch.problem !== undefined) problem = patch.problem
      core.emit()
    },
    async writeRecord(next) {
      if (next === null) await raw.delete(LOCK_RECORD_ID)
      else await raw.set(LOCK_RECORD_ID, formatRecord(next))
      record = next
    },
    holdRecord(next) {
      record = next
    },
    mode() {
      if (state === 'checking' || state === 'damaged') return { kind: 'unknown' }
      if (record === null || record.target === null) return { kind: 'plain' }
      return keys.has(record.target) ? { kind: 'sealed', keyId: record.target } : { kind: 'locked' }
    },
    status: () => ({
      state,
      lockedBy: state === 'locked' ? lockedBy : null,
      change,
      unfinished: record !== null && (record.pending || record.target === null),
      failures: backoff.failures(),
      freeTries: FREE_TRIES,
      retryAt: backoff.retryAt(),
      quickUnlock: { kind: deps.quick?.kind ?? null, available: deps.quick?.available() ?? false, enabled: (record?.quick.length ?? 0) > 0 },
      problem,
    }),
    emit: () => deps.onStatus(core.status()),
    async rewrap(kind, target) {
      const probe = await probeKeychain(raw, randomBytes(16).toString('hex'))
      if (probe.state !== 'ready') {
        core.set({ problem: `The keychain is not ready (${probe.reason}); the change finishes when it is.` })
        return false
      }
      change = { kind, done: 0, total: 0 }
      core.emit()
      let last = 0
      try {
        const result = await rewrapAll(target, {
          raw,
          keys,
          log: deps.log,
          onProgress: (done, total) => {
            change = { kind, done, total }
            // About fifty progress events, however many items.
            if (done === total || done - last >= Math.max(1, Math.floor(total / 50))) {
              last = done
              core.emit()
            }
          },
        })
        problem = result.failed.length === 0 ? null : `${result.failed.length} keychain items could not be re-wrapped; they are left as they were, and the change finishes at the next unlock.`
        return result.failed.length === 0
      } finally {
        change = null
        core.emit()
      }
    },
    async tryPassword(password) {
      const wait = core.waiting()
      if (wait) return err(wait)
      for (const slot of record?.slots ?? []) {
        const opened = await openSlot(slot, password, deps.cost)
        if (opened) {
          await backoff.succeed()
          return { ok: true, value: opened }
        }
      }
      await backoff.fail()
      core.emit()
      const left = FREE_TRIES - backoff.failures()
      const then = backoff.retryAt()
      const more = then !== null ? ` Wait ${seconds(then - deps.now())} before trying again.` : left > 0 && left < FREE_TRIES ? ` ${left} more ${left === 1 ? 'try' : 'tries'} before SellerGuard makes you wait.` : ''
      return err(apiError('wrong-password', `That is not your SellerGuard password.${more}`, { field: 'password' }))
    },
    waiting() {
      const at = backoff.retryAt()
      return at === null ? null : apiError('retry-later', `Too many wrong passwords. Try again in ${seconds(at - deps.now())}.`)
    },
  }
  return core
}
