import type { StateCreator } from 'zustand'
import type { KeychainStatus, Reply } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type VaultSlice = {
  keychain: KeychainStatus | null
  loadKeychain(pending?: Promise<Reply<'vault.status'>>): Promise<void>
  receiveKeychain(status: KeychainStatus): void
  retryKeychain(): Promise<void>
  /** Keychain items without an account become accounts again (named "Recovered account", for the user to rename). */
  adoptOrphans(): Promise<void>
  /** Deletes them: only after the user confirmed. */
  deleteOrphans(): Promise<void>
}

export const createVaultSlice: StateCreator<VaultSlice & AppSlice, [], [], VaultSlice> = (set, get) => ({
  keychain: null,
  async loadKeychain(pending) {
    const reply = await (pending ?? api().vault.status())
    if (reply.ok) set({ keychain: reply.value })
    else set({ lastError: reply.error })
  },
  receiveKeychain: (keychain) => set({ keychain }),
  async retryKeychain() {
    const reply = await api().vault.retry()
    if (reply.ok) set({ keychain: reply.value })
    else set({ lastError: reply.error })
  },
  async adoptOrphans() {
    const ids = get().keychain?.orphanSecrets ?? []
    if (ids.length === 0) return
    const reply = await api().vault.adoptOrphans({ ids })
    if (!reply.ok) return set({ lastError: reply.error })
    get().showToast(`${reply.value.length} recovered account${reply.value.length === 1 ? '' : 's'} added. Rename ${reply.value.length === 1 ? 'it' : 'them'} so you can tell them apart.`)
  },
  async deleteOrphans() {
    const ids = get().keychain?.orphanSecrets ?? []
    if (ids.length === 0) return
    const reply = await api().vault.deleteOrphans({ ids, confirm: true })
    if (reply.ok) set({ keychain: reply.value })
    else set({ lastError: reply.error })
  },
})
