import { create } from 'zustand'
import { api } from '../bridge/api'
import { createChecklistSlice, type ChecklistSlice } from '../features/checklist/checklist-slice'
import { createCodesSlice, type CodesSlice } from '../features/codes/codes-slice'
import { createVaultSlice, type VaultSlice } from '../features/vault/vault-slice'
import { createAppSlice, type AppSlice } from './app-slice'
import { createClockSlice, type ClockSlice } from './clock-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'

export type Store = AppSlice & SettingsSlice & ClockSlice & VaultSlice & CodesSlice & ChecklistSlice

/** The one renderer store: every feature's slice, combined here. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createSettingsSlice(...a),
  ...createClockSlice(...a),
  ...createVaultSlice(...a),
  ...createCodesSlice(...a),
  ...createChecklistSlice(...a),
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
    api().on('app.quickPick', () => useStore.getState().requestQuickPick()),
    api().on('checklist.changed', (view) => useStore.getState().receiveChecklist(view)),
  ]
  await Promise.all([s.loadInfo(), s.loadSettings(), s.loadClock(), s.loadKeychain(), s.loadAccounts()])
  return () => unsubscribers.forEach((off) => off())
}
