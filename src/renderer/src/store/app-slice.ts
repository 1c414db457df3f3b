import type { StateCreator } from 'zustand'
import type { ApiError, AppInfo } from '../contract'
import { api } from '../bridge/api'
import type { Store } from './index'

export type AppSlice = {
  info: AppInfo | null
  /** The last error a call returned, shown once in the UI. */
  lastError: ApiError | null
  loadInfo(): Promise<void>
  setError(error: ApiError | null): void
}

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set) => ({
  info: null,
  lastError: null,
  async loadInfo() {
    const reply = await api().app.info()
    if (reply.ok) set({ info: reply.value })
    else set({ lastError: reply.error })
  },
  setError: (error) => set({ lastError: error }),
})
