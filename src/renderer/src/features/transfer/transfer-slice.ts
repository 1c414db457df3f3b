import type { StateCreator } from 'zustand'
import type { ImportAdding, Input, Reply } from '../../contract'
import { api } from '../../bridge/api'

/**
 * Moving accounts in and out. Each call returns main's `Result` as is, and
 * the dialog that asked shows its error in place (a wrong password or an
 * unreadable file belongs next to the field). The one shared state: how far
 * a confirmed import has got (main's `transfer.adding`).
 */
export type TransferSlice = {
  importAdding: ImportAdding | null
  receiveImportAdding(progress: ImportAdding): void
  /** Stops a running import of this preview: nothing of it is kept. */
  cancelImport(input: Input<'transfer.cancel'>): Promise<Reply<'transfer.cancel'>>
  /** The file chooser is shown: main gets ready to read a file (it starts its reading thread now). */
  prepareImport(): Promise<Reply<'transfer.prepare'>>
  previewImport(input: Input<'transfer.preview'>): Promise<Reply<'transfer.preview'>>
  previewImage(input: Input<'transfer.previewImage'>): Promise<Reply<'transfer.previewImage'>>
  previewScreen(): Promise<Reply<'transfer.previewScreen'>>
  confirmImport(input: Input<'transfer.confirm'>): Promise<Reply<'transfer.confirm'>>
  exportBackup(input: Input<'transfer.exportBackup'>): Promise<Reply<'transfer.exportBackup'>>
  exportAegis(input: Input<'transfer.exportAegis'>): Promise<Reply<'transfer.exportAegis'>>
  exportTwofas(input: Input<'transfer.exportTwofas'>): Promise<Reply<'transfer.exportTwofas'>>
  exportOtpauthList(): Promise<Reply<'transfer.exportOtpauthList'>>
}

export const createTransferSlice: StateCreator<TransferSlice, [], [], TransferSlice> = (set) => ({
  importAdding: null,
  receiveImportAdding: (progress) => set({ importAdding: progress }),
  cancelImport: (input) => api().transfer.cancel(input),
  prepareImport: () => api().transfer.prepare(),
  previewImport: (input) => api().transfer.preview(input),
  previewImage: (input) => api().transfer.previewImage(input),
  previewScreen: () => api().transfer.previewScreen(),
  confirmImport: (input) => api().transfer.confirm(input),
  exportBackup: (input) => api().transfer.exportBackup(input),
  exportAegis: (input) => api().transfer.exportAegis(input),
  exportTwofas: (input) => api().transfer.exportTwofas(input),
  exportOtpauthList: () => api().transfer.exportOtpauthList(),
})
