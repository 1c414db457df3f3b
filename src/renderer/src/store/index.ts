import { create } from 'zustand'
import { api } from '../bridge/api'
import { createAppSlice, type AppSlice } from './app-slice'
import { createClockSlice, type ClockSlice } from './clock-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'

export type Store = AppSlice & SettingsSlice & ClockSlice

/** The one renderer store: every feature's slice, combined here. */
export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createSettingsSlice(...a),
  ...createClockSlice(...a),
}))

/** Loads the first screen's data and keeps the store in step with main's pushed events. */
export async function startStore(): Promise<() => void> {
  const s = useStore.getState()
  const unsubscribers = [
    api().on('settings.changed', (settings) => useStore.getState().receiveSettings(settings)),
    api().on('clock.status', (status) => useStore.getState().receiveClock(status)),
  ]
  await Promise.all([s.loadInfo(), s.loadSettings(), s.loadClock()])
  return () => unsubscribers.forEach((off) => off())
}
