import type { LockSlice } from '../features/lock/lock-slice'
import type { AppSlice } from '../app/app-slice'
import type { BackupSlice } from '../features/backup/backup-slice'
import type { ChecklistSlice } from '../features/checklist/checklist-slice'
import type { ClockSlice } from '../features/clock/clock-slice'
import type { CodesSlice } from '../features/codes/codes-slice'
import type { SettingsSlice } from '../features/settings/settings-slice'
import type { StorageSlice } from '../features/storage/storage-slice'
import type { TransferSlice } from '../features/transfer/transfer-slice'
import type { VaultSlice } from '../features/vault/vault-slice'

/**
 * The whole renderer store: every feature's slice. Each slice is typed
 * against only the slices it reads or writes (most need just `AppSlice`, for
 * `lastError` and the toast), never against this type, so no slice imports
 * the store back and there is no import cycle.
 */
export type Store = AppSlice & SettingsSlice & ClockSlice & VaultSlice & CodesSlice & ChecklistSlice & TransferSlice & BackupSlice & StorageSlice & LockSlice
