import type { StateCreator } from 'zustand'
import type { BackupStatus, DrillReport, Input, Reply } from '../../contract'
import { api } from '../../bridge/api'
import type { AppSlice } from '../../app/app-slice'

/** Automatic backups: main's status (pushed on every change), the last restore drill's report, and the settings' actions. */
export type BackupSlice = {
  backup: BackupStatus | null
  /** The last "Verify backups" answer, shown until the next one. */
  drill: DrillReport | null
  loadBackup(pending?: Promise<Reply<'backup.status'>>): Promise<void>
  receiveBackup(status: BackupStatus): void
  /** The reply as is: the settings form shows a refused folder or password next to its field. */
  configureBackup(change: Input<'backup.configure'>): Promise<Reply<'backup.configure'>>
  backUpNow(): Promise<void>
  verifyBackups(): Promise<void>
  /** The system's folder picker; null when cancelled or not available (web mode). */
  chooseBackupFolder(): Promise<string | null>
  /** The automatic backups in the folder, for "Restore"; the reply as is (the form shows a folder problem). */
  listBackups(): Promise<Reply<'backup.list'>>
  /** One of them opened into an import preview (then `confirmImport`). */
  previewBackup(input: Input<'backup.preview'>): Promise<Reply<'backup.preview'>>
}

export const createBackupSlice: StateCreator<BackupSlice & AppSlice, [], [], BackupSlice> = (set) => ({
  backup: null,
  drill: null,
  async loadBackup(pending) {
    const reply = await (pending ?? api().backup.status())
    if (reply.ok) set({ backup: reply.value })
    else set({ lastError: reply.error })
  },
  receiveBackup: (backup) => set({ backup }),
  async configureBackup(change) {
    const reply = await api().backup.configure(change)
    if (reply.ok) set({ backup: reply.value })
    return reply
  },
  async backUpNow() {
    const reply = await api().backup.backUpNow()
    if (reply.ok) set({ backup: reply.value })
    else set({ lastError: reply.error })
  },
  async verifyBackups() {
    set({ drill: null })
    const reply = await api().backup.verify()
    if (reply.ok) set({ backup: reply.value.status, drill: reply.value.report })
    else set({ lastError: reply.error })
  },
  async chooseBackupFolder() {
    const reply = await api().backup.chooseFolder()
    if (reply.ok) return reply.value.folder
    set({ lastError: reply.error })
    return null
  },
  listBackups: () => api().backup.list(),
  previewBackup: (input) => api().backup.preview(input),
})
