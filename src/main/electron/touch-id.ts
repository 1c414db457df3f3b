import { safeStorage, systemPreferences } from 'electron'
import type { QuickUnlockPort } from '../lock/quick-unlock'

/**
 * Touch ID for the app lock's quick unlock (macOS only): the prompt is
 * `systemPreferences.promptTouchID`, and the vault key kept for it is sealed
 * with `safeStorage` (a key macOS keeps in the login keychain for this app).
 * What this protects and what it does not: src/main/lock/quick-unlock.ts
 * and docs/APP-LOCK.md. Elsewhere `canPromptTouchID` does not exist: null.
 */
export function touchIdQuickUnlock(): QuickUnlockPort | null {
  if (process.platform !== 'darwin' || typeof systemPreferences?.canPromptTouchID !== 'function') return null
  return {
    kind: 'touch-id',
    available: () => systemPreferences.canPromptTouchID() && safeStorage.isEncryptionAvailable(),
    async verify(reason) {
      try {
        await systemPreferences.promptTouchID(reason)
        return true
      } catch {
        // Cancelled, failed, or locked out after too many tries: the password still works.
        return false
      }
    },
    seal(bytes) {
      if (!safeStorage.isEncryptionAvailable()) return null
      return safeStorage.encryptString(Buffer.from(bytes).toString('base64')).toString('base64')
    },
    open(sealed) {
      try {
        return new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64'))
      } catch {
        return null
      }
    },
  }
}
