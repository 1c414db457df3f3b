import type { StateCreator } from 'zustand'
import type { ApiError, AppInfo } from '../contract'
import { api } from '../bridge/api'

export type Screen = 'codes' | 'checklist' | 'clock' | 'settings'

export type Toast = Readonly<{ id: number; message: string; action?: Readonly<{ label: string; run: () => void }> }>

/** What the whole app shares: its version, the open screen, the last error a call returned, and the one toast. */
export type AppSlice = {
  info: AppInfo | null
  screen: Screen
  /** The last error a call returned, shown once in the UI. */
  lastError: ApiError | null
  toast: Toast | null
  loadInfo(): Promise<void>
  showScreen(screen: Screen): void
  setError(error: ApiError | null): void
  showToast(message: string, action?: Toast['action']): void
  dismissToast(): void
}

let toastId = 0

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  info: null,
  screen: 'codes',
  lastError: null,
  toast: null,
  async loadInfo() {
    const reply = await api().app.info()
    if (reply.ok) set({ info: reply.value })
    else set({ lastError: reply.error })
  },
  showScreen: (screen) => set({ screen }),
  setError: (error) => set({ lastError: error }),
  showToast: (message, action) => set({ toast: { id: ++toastId, message, ...(action ? { action } : {}) } }),
  dismissToast: () => set({ toast: null }),
})
