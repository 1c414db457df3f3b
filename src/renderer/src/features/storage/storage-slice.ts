import type { StateCreator } from 'zustand'
import type { StorageStatus, StoredFileName } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type StorageSlice = {
  /** What loading found in SellerGuard's files (damaged, newer, restored from a backup). */
  storage: StorageStatus
  loadStorage(): Promise<void>
  receiveStorage(status: StorageStatus): void
  recoverFile(file: StoredFileName, use: 'backup' | 'fresh'): Promise<void>
  dismissFileNotice(file: StoredFileName): Promise<void>
}

export const createStorageSlice: StateCreator<StorageSlice & AppSlice, [], [], StorageSlice> = (set) => {
  const apply = (reply: Awaited<ReturnType<ReturnType<typeof api>['storage']['status']>>) => {
    if (reply.ok) set({ storage: reply.value })
    else set({ lastError: reply.error })
  }
  return {
    storage: { issues: [] },
    loadStorage: async () => apply(await api().storage.status()),
    receiveStorage: (storage) => set({ storage }),
    recoverFile: async (file, use) => apply(await api().storage.recover({ file, use })),
    dismissFileNotice: async (file) => apply(await api().storage.dismiss({ file })),
  }
}
