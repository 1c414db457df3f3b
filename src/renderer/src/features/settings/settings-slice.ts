import type { StateCreator } from 'zustand'
import type { Reply, Settings, SettingsPatch } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type SettingsSlice = {
  settings: Settings | null
  loadSettings(): Promise<void>
  /** The reply says whether it was saved (and why not), for the screen's own feedback. */
  updateSettings(patch: SettingsPatch): Promise<Reply<'settings.update'>>
  /** Applied when main pushes `settings.changed` (from this or another window). */
  receiveSettings(settings: Settings): void
}

export const createSettingsSlice: StateCreator<SettingsSlice & AppSlice, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  async loadSettings() {
    const reply = await api().settings.get()
    if (reply.ok) set({ settings: reply.value })
    else set({ lastError: reply.error })
  },
  async updateSettings(patch) {
    // Shown at once so controls respond; main's reply (and its pushed event) is the truth.
    const before = get().settings
    if (before) set({ settings: { ...before, ...patch } })
    const reply = await api().settings.update(patch)
    if (reply.ok) set({ settings: reply.value })
    else set({ settings: before, lastError: reply.error })
    return reply
  },
  receiveSettings: (settings) => set({ settings }),
})
