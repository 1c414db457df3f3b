import { apiError, type ApiError, type LockReason, type LockStatus } from '../../shared/contract'
import { err, ok, type Result } from '../../shared/result'
import type { Logger } from '../core/log'
import type { FileIssues } from '../storage/file-issues'
import type { SecretStore } from '../vault/secret-store'
import { createBackoff } from './backoff'
import { createItemGate } from './item-gate'
import { changePassword, disableLock, enableLock, finishDisable, finishPending, setQuickUnlock } from './lock-changes'
import { createLockCore } from './lock-core'
import { LOCK_RECORD_ID, openKeys, parseRecord, withBridges } from './lock-record'
import { createLockedStore } from './locked-store'
import type { SlotCost, SlotKey } from './password-slot'
import type { QuickUnlockPort } from './quick-unlock'
import { startOver } from './start-over'
import { createKeyRing, wipe, type VaultKey } from './vault-key'
import { splitKeys } from './vault-key-bytes'

export type AppLockDeps = Readonly<{
  /** The keychain itself; the lock hands the rest of the app `AppLock.secrets` instead. */
  raw: SecretStore
  log: Logger
  now: () => number
  /** Where wrong passwords are counted (`lock-failures.json`). */
  failuresFile: string
  /** Where a damaged count file is reported for the UI. */
  issues?: FileIssues
  /** Touch ID where the OS offers it; absent: password only. */
  quick?: QuickUnlockPort | null
  /** For tests only: a cheaper scrypt than the backup's (never below what backups accept). */
  cost?: SlotCost
}>

type Reply = Promise<Result<LockStatus, ApiError>>

export interface AppLock {
  /** The keychain as the vault and every other service must use it: sealed and opened on the way through. */
  readonly secrets: SecretStore
  status(): LockStatus
  /** Locked, or the lock's keychain item is damaged: only OPEN_WHILE_LOCKED answers. */
  isLocked(): boolean
  /** Loads the wrong-password count. */
  start(): Promise<void>
  /**
   * The vault's hook, right after its keychain probe and before it reads any
   * secret: reads the lock record, finishes an interrupted turning-off;
   * true when secrets may be read now, false while locked; rejects with the
   * keychain's error when the record cannot be read.
   */
  beforeSecrets(): Promise<boolean>
  unlock(password: string): Reply
  quickUnlock(): Reply
  /** Drops every key (the buffers are overwritten), then tells `onLocked` listeners. No-op unless unlocked. */
  lock(reason: LockReason): Promise<LockStatus>
  enable(password: string): Reply
  disable(password: string): Reply
  changePassword(current: string, next: string): Reply
  setQuickUnlock(enabled: boolean, password?: string): Reply
  /** A forgotten password: the sealed secrets are deleted and the lock is off (start-over.ts); the vault reads what is left. */
  startOver(): Reply
  onChange(listener: (status: LockStatus) => void): () => void
  /** The keys are gone: whatever else holds a secret or a code drops it now. */
  onLocked(listener: (reason: LockReason) => void): () => void
  /** The keys are held again: the vault reads the secrets. */
  onUnlocked(listener: () => void): () => void
}

function listeners<A extends unknown[]>() {
  const set = new Set<(...a: A) => void>()
  return {
    on: (l: (...a: A) => void) => (set.add(l), () => void set.delete(l)),
    emit: (...a: A) => set.forEach((l) => l(...a)),
  }
}

/**
 * The app lock (issue 15): an optional password over the OS keychain. With
 * it on, each keychain item is AES-256-GCM under a random vault key with the
 * account id as associated data (item-seal.ts); the vault key is wrapped by
 * a scrypt password slot (password-slot.ts) in the lock record, itself a
 * keychain item (lock-record.ts). Reading the keychain directly gives
 * ciphertext only. Lock off: plain items, as before.
 */
export function createAppLock(deps: AppLockDeps): AppLock {
  const changes = listeners<[LockStatus]>()
  const locked = listeners<[LockReason]>()
  const unlocked = listeners<[]>()
  const keys = createKeyRing()
  const gate = createItemGate()
  const backoff = createBackoff({ file: deps.failuresFile, now: deps.now, log: deps.log, ...(deps.issues ? { issues: deps.issues } : {}) })
  const core = createLockCore({ raw: deps.raw, keys, gate, backoff, log: deps.log, cost: deps.cost ?? {}, quick: deps.quick ?? null, now: deps.now, onStatus: (s) => changes.emit(s) })
  const secrets = createLockedStore({ raw: deps.raw, keys, gate, mode: () => core.mode() })
  // One operation at a time: a lock never lands in the middle of an unlock or a change.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  /** Holds the keys, finishes a change left pending, and lets the vault read. */
  async function afterOpening(opened: VaultKey[], slotKey: SlotKey | null): Reply {
    const record = core.record()
    const all = record ? withBridges(record, opened) : opened
    if (!record?.target || !all.some((k) => k.id === record.target)) {
      all.forEach((k) => wipe(k.bytes))
      if (slotKey) wipe(slotKey.kek)
      core.set({ problem: 'The password opened the lock, but not the key the accounts are under: the lock item is damaged. Restore from an encrypted backup.' })
      return err(apiError('internal', 'The app lock is damaged: restore your accounts from an encrypted backup.'))
    }
    all.forEach((k) => keys.add(k))
    core.set({ state: 'unlocked', lockedBy: null })
    try {
      await finishPending(core, slotKey)
    } catch (e) {
      deps.log.error('finishing a change of protection failed', e)
    } finally {
      if (slotKey) wipe(slotKey.kek)
    }
    unlocked.emit()
    return ok(core.status())
  }

  /** Reads the lock record unless its state is known (only this app writes it, so it is read once, and again after a failure). */
  async function readRecord(): Promise<boolean> {
    if (core.state() === 'unlocked' || core.state() === 'off') return true
    if (core.state() === 'locked') return false
    let text: string | null
    try {
      text = await deps.raw.get(LOCK_RECORD_ID)
    } catch (e) {
      // The keychain failed under the read: the vault reports it as it reports any keychain failure.
      deps.log.error('could not read the app lock from the keychain', e)
      throw e
    }
    const read = parseRecord(text)
    if (read.kind === 'none') {
      core.holdRecord(null)
      core.set({ state: 'off', problem: null })
      return true
    }
    if (read.kind === 'damaged') {
      deps.log.error(`the app lock's keychain item is damaged: ${read.reason}`)
      core.set({ state: 'damaged', problem: `The app lock's keychain item is damaged (${read.reason}). Nothing was deleted; restore your accounts from an encrypted backup.` })
      return false
    }
    core.holdRecord(read.record)
    if (read.record.target !== null) {
      core.set({ state: 'locked', lockedBy: 'start', problem: null })
      return false
    }
    // Turning the lock off was cut short: its keys are in the record in the clear, so finish now.
    openKeys(read.record).forEach((k) => keys.add(k))
    await gate.exclusive(() => finishDisable(core, []))
    return true
  }

  const run = (task: () => Reply): Reply =>
    serial(async () => {
      try {
        return await task()
      } catch (e) {
        deps.log.error('app lock operation failed', e)
        return err(apiError('keychain-unavailable', 'The keychain did not answer; nothing was changed. Try again.'))
      }
    })

  return {
    secrets,
    status: () => core.status(),
    isLocked: () => core.state() === 'locked' || core.state() === 'damaged',
    start: () => backoff.load(),

    beforeSecrets: () => serial(readRecord),

    unlock: (password) =>
      run(async () => {
        if (core.state() !== 'locked') return core.state() === 'unlocked' ? ok(core.status()) : err(apiError('invalid-input', 'There is nothing to unlock.'))
        const opened = await core.tryPassword(password)
        return opened.ok ? afterOpening(opened.value.keys, opened.value.slotKey) : opened
      }),

    quickUnlock: () =>
      run(async () => {
        const slot = core.record()?.quick[0]
        if (core.state() !== 'locked') return err(apiError('invalid-input', 'There is nothing to unlock.'))
        if (!slot || !deps.quick?.available()) return err(apiError('invalid-input', 'Quick unlock is not set up here: type your password.'))
        if (!(await deps.quick.verify('unlock SellerGuard'))) return err(apiError('wrong-password', 'The operating system did not confirm it is you. Try again, or type your password.'))
        const bytes = deps.quick.open(slot.sealed)
        const opened = bytes && splitKeys(slot.keys, bytes)
        if (!opened) return err(apiError('internal', 'The key kept for quick unlock cannot be opened any more: type your password (then turn quick unlock off and on again).'))
        return afterOpening(opened, null)
      }),

    lock: (reason) =>
      serial(async () => {
        if (core.state() !== 'unlocked') return core.status()
        keys.clear()
        core.set({ state: 'locked', lockedBy: reason })
        deps.log.info(`locked (${reason})`)
        locked.emit(reason)
        return core.status()
      }),

    enable: (password) =>
      run(async () => {
        // Asked before the vault has read the record (start-up): it is read first, never assumed.
        if (core.state() === 'checking') await readRecord()
        return enableLock(core, password)
      }),
    disable: (password) => run(() => disableLock(core, password)),
    changePassword: (current, next) => run(() => changePassword(core, current, next)),
    setQuickUnlock: (enabled, password) => run(() => setQuickUnlock(core, enabled, password)),
    startOver: () =>
      run(async () => {
        const done = await startOver(core)
        // Nothing is locked any more: the vault reads what is left (plain items), the rest shows as missing.
        if (done.ok) unlocked.emit()
        return done
      }),
    onChange: changes.on,
    onLocked: locked.on,
    onUnlocked: unlocked.on,
  }
}
