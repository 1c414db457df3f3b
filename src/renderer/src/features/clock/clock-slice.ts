import type { StateCreator } from 'zustand'
import type { ClockStatus } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type ClockSlice = {
  clock: ClockStatus | null
  loadClock(): Promise<void>
  receiveClock(status: ClockStatus): void
}

export const createClockSlice: StateCreator<ClockSlice & AppSlice, [], [], ClockSlice> = (set) => ({
  clock: null,
  async loadClock() {
    const reply = await api().clock.status()
    if (reply.ok) set({ clock: reply.value })
    else set({ lastError: reply.error })
  },
  receiveClock: (clock) => set({ clock }),
})
