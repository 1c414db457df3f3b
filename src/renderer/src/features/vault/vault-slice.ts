import type { StateCreator } from 'zustand'
import type { KeychainStatus } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type VaultSlice = {
  keychain: KeychainStatus | null
  loadKeychain(): Promise<void>
  receiveKeychain(status: KeychainStatus): void
  retryKeychain(): Promise<void>
}

export const createVaultSlice: StateCreator<VaultSlice & AppSlice, [], [], VaultSlice> = (set) => ({
  keychain: null,
  async loadKeychain() {
    const reply = await api().vault.status()
    if (reply.ok) set({ keychain: reply.value })
    else set({ lastError: reply.error })
  },
  receiveKeychain: (keychain) => set({ keychain }),
  async retryKeychain() {
    const reply = await api().vault.retry()
    if (reply.ok) set({ keychain: reply.value })
    else set({ lastError: reply.error })
  },
})
