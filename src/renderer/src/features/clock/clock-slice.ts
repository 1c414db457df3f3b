import type { StateCreator } from 'zustand'
import type { ClockHistoryEntry, ClockStatus, Reply } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type ClockSlice = {
  clock: ClockStatus | null
  /** The offsets measured so far, for the chart (loaded when the clock page opens or a check ends). */
  clockHistory: ClockHistoryEntry[]
  /** `pending`: the reply of a request already sent (the start asks for it with the lock's status). */
  loadClock(pending?: Promise<Reply<'clock.status'>>): Promise<void>
  receiveClock(status: ClockStatus): void
  checkClock(): Promise<Reply<'clock.check'>>
  loadClockHistory(): Promise<Reply<'clock.history'>>
  /** The previous, current and next codes of one account, for "Code rejected?". */
  codesAround(id: string): Promise<Reply<'clock.around'>>
  /** Opens the OS date and time settings; says so in a toast where it cannot. */
  openTimeSettings(): Promise<Reply<'clock.openSettings'>>
}

export const createClockSlice: StateCreator<ClockSlice & AppSlice, [], [], ClockSlice> = (set, get) => ({
  clock: null,
  clockHistory: [],
  async loadClock(pending) {
    const reply = await (pending ?? api().clock.status())
    if (reply.ok) set({ clock: reply.value })
    else set({ lastError: reply.error })
  },
  receiveClock: (clock) => set({ clock }),
  async checkClock() {
    const reply = await api().clock.check()
    if (reply.ok) set({ clock: reply.value })
    else set({ lastError: reply.error })
    return reply
  },
  async loadClockHistory() {
    const reply = await api().clock.history()
    if (reply.ok) set({ clockHistory: reply.value })
    return reply
  },
  codesAround: (id) => api().clock.around({ id }),
  async openTimeSettings() {
    const reply = await api().clock.openSettings()
    if (!reply.ok || !reply.value.opened) get().showToast('SellerGuard could not open the settings here: follow the steps shown.')
    return reply
  },
})
