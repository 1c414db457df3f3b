import type { StateCreator } from 'zustand'
import type { Reply, StorageStatus, StoredFileName } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

export type StorageSlice = {
  /** What loading found in SellerGuard's files (damaged, newer, restored from a backup). */
  storage: StorageStatus
  loadStorage(pending?: Promise<Reply<'storage.status'>>): Promise<void>
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
    loadStorage: async (pending) => apply(await (pending ?? api().storage.status())),
    receiveStorage: (storage) => set({ storage }),
    recoverFile: async (file, use) => apply(await api().storage.recover({ file, use })),
    dismissFileNotice: async (file) => apply(await api().storage.dismiss({ file })),
  }
}
