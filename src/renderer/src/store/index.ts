import { create } from 'zustand'
import { api } from '../bridge/api'
import { createAppSlice } from '../app/app-slice'
import { createBackupSlice } from '../features/backup/backup-slice'
import { createChecklistSlice } from '../features/checklist/checklist-slice'
import { createClockSlice } from '../features/clock/clock-slice'
import { createCodesSlice } from '../features/codes/codes-slice'
import { createLockSlice, isAppLocked } from '../features/lock/lock-slice'
import { createSettingsSlice } from '../features/settings/settings-slice'
import { createStorageSlice } from '../features/storage/storage-slice'
import { createTransferSlice } from '../features/transfer/transfer-slice'
import { createVaultSlice } from '../features/vault/vault-slice'
import type { Store } from './types'

/** The one renderer store: every feature's slice, combined here. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createSettingsSlice(...a),
  ...createClockSlice(...a),
  ...createVaultSlice(...a),
  ...createCodesSlice(...a),
  ...createChecklistSlice(...a),
  ...createTransferSlice(...a),
  ...createBackupSlice(...a),
  ...createStorageSlice(...a),
  ...createLockSlice(...a),
}))

/** Loads the first screen's data and keeps the store in step with main's pushed events. */
export async function startStore(): Promise<() => void> {
  const s = useStore.getState()
  const unsubscribers = [
    api().on('settings.changed', (settings) => useStore.getState().receiveSettings(settings)),
    api().on('clock.status', (status) => useStore.getState().receiveClock(status)),
    api().on('vault.status', (status) => useStore.getState().receiveKeychain(status)),
    api().on('accounts.changed', (accounts) => useStore.getState().receiveAccounts(accounts)),
    api().on('codes.frames', (frames) => useStore.getState().receiveFrames(frames)),
    api().on('app.quickPick', () => useStore.getState().quickPick()),
    api().on('checklist.changed', () => useStore.getState().checklistChanged()),
    api().on('backup.status', (status) => useStore.getState().receiveBackup(status)),
    api().on('storage.status', (status) => useStore.getState().receiveStorage(status)),
    api().on('transfer.adding', (progress) => useStore.getState().receiveImportAdding(progress)),
    api().on('lock.status', (status) => useStore.getState().receiveLock(status)),
    // Unlocked: what the lock withheld is loaded now (the codes are pushed by main).
    useStore.subscribe((state, before) => {
      if (isAppLocked(before.lock) && state.lock && !isAppLocked(state.lock)) void loadUnlocked()
    }),
  ]
  const first = Promise.all([s.loadInfo(), s.loadSettings(), s.loadLock()])
  // Asked for with the lock's status, so the codes come one round trip sooner; used only if the app is not locked
  // (then main answered each with a `locked` error, which is dropped: the unlock loads them again).
  const early = askUnlocked()
  const [, , lock] = await first
  if (!isAppLocked(lock)) await loadUnlocked(early)
  return () => unsubscribers.forEach((off) => off())
}

/** Everything but the unlock screen's own needs: none of it answers while the app is locked. */
function askUnlocked() {
  return {
    clock: api().clock.status(),
    keychain: api().vault.status(),
    accounts: { accounts: api().accounts.list(), frames: api().codes.frames() },
    backup: api().backup.status(),
    storage: api().storage.status(),
  }
}

async function loadUnlocked(asked = askUnlocked()): Promise<void> {
  const s = useStore.getState()
  await Promise.all([s.loadClock(asked.clock), s.loadKeychain(asked.keychain), s.loadAccounts(asked.accounts), s.loadBackup(asked.backup), s.loadStorage(asked.storage)])
}
