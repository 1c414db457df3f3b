import type { StateCreator } from 'zustand'
import type { Settings, SettingsPatch } from '../../../shared/contract'
import { api } from '../bridge/api'
import type { Store } from './index'

export type SettingsSlice = {
  settings: Settings | null
  loadSettings(): Promise<void>
  updateSettings(patch: SettingsPatch): Promise<void>
  /** Applied when main pushes `settings.changed` (from this or another window). */
  receiveSettings(settings: Settings): void
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  settings: null,
  async loadSettings() {
    const reply = await api().settings.get()
    if (reply.ok) set({ settings: reply.value })
    else set({ lastError: reply.error })
  },
  async updateSettings(patch) {
    // No optimistic update: the pushed `settings.changed` event is the truth.
    const reply = await api().settings.update(patch)
    if (!reply.ok) set({ lastError: reply.error })
  },
  receiveSettings: (settings) => set({ settings }),
})
