import type { StateCreator } from 'zustand'
import type { LockStatus, Reply, START_OVER_PHRASE } from '../../contract'
import { api, pageClipboard } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type LockSlice = {
  /** The app lock's state, as main reports it; null until loaded. */
  lock: LockStatus | null
  loadLock(): Promise<LockStatus | null>
  /** Applied when main pushes `lock.status`. */
  receiveLock(status: LockStatus): void
  /** The replies are for the screen's own error line (a wrong password is not a banner). */
  unlock(password: string): Promise<Reply<'lock.unlock'>>
  quickUnlock(): Promise<Reply<'lock.quickUnlock'>>
  lockNow(): Promise<void>
  enableLock(password: string): Promise<Reply<'lock.enable'>>
  disableLock(password: string): Promise<Reply<'lock.disable'>>
  changeLockPassword(current: string, next: string): Promise<Reply<'lock.changePassword'>>
  setQuickUnlock(enabled: boolean, password?: string): Promise<Reply<'lock.setQuickUnlock'>>
  /** The password is forgotten: `confirm` is the typed words (START_OVER_PHRASE). */
  startOver(confirm: string): Promise<Reply<'lock.startOver'>>
}

/** Locked (or the lock's keychain item is damaged): the unlock screen is all there is. */
export const isAppLocked = (lock: LockStatus | null): boolean => lock?.state === 'locked' || lock?.state === 'damaged'

/**
 * The app lock in the renderer. Locking forgets nothing here that main
 * has not already withdrawn (codes come as frames, and main pushes an empty
 * one), but web mode copies into the browser's own clipboard: that copy is
 * cleared here, when the lock is seen.
 */
export const createLockSlice: StateCreator<LockSlice & AppSlice, [], [], LockSlice> = (set, get) => {
  const keep = <T extends Reply<'lock.status'>>(reply: T): T => {
    if (reply.ok) get().receiveLock(reply.value)
    return reply
  }
  return {
    lock: null,
    async loadLock() {
      const reply = await api().lock.status()
      if (!reply.ok) {
        set({ lastError: reply.error })
        return null
      }
      get().receiveLock(reply.value)
      return reply.value
    },
    receiveLock(status) {
      if (isAppLocked(status)) {
        const guard = pageClipboard()
        if (guard && guard !== 'unavailable') void guard.clearNow()
      }
      set({ lock: status })
    },
    unlock: async (password) => keep(await api().lock.unlock({ password })),
    quickUnlock: async () => keep(await api().lock.quickUnlock()),
    async lockNow() {
      const reply = await api().lock.lockNow()
      if (reply.ok) get().receiveLock(reply.value)
      else set({ lastError: reply.error })
    },
    enableLock: async (password) => keep(await api().lock.enable({ password })),
    disableLock: async (password) => keep(await api().lock.disable({ password })),
    changeLockPassword: async (current, next) => keep(await api().lock.changePassword({ current, next })),
    setQuickUnlock: async (enabled, password) => keep(await api().lock.setQuickUnlock({ enabled, ...(password !== undefined ? { password } : {}) })),
    startOver: async (confirm) => keep(await api().lock.startOver({ confirm: confirm as typeof START_OVER_PHRASE })),
  }
}
