/**
 * The OS's own way to prove it is the user, where SellerGuard can use one:
 * Touch ID on macOS (src/main/electron/touch-id.ts). Windows Hello has no
 * maintained library for Electron today, and Linux desktops offer nothing
 * common: there, the password is the only unlock.
 *
 * What it protects: the vault key is kept a second time, sealed by the OS
 * for this app and this user (Electron's safeStorage: a key macOS keeps in
 * the login keychain for SellerGuard alone). Touch ID then stands between a
 * person at the unlocked computer and that sealed key. What it does not
 * protect against: anyone who can read the login keychain as this user (who
 * knows the macOS password, or malware running as the user) can unseal the
 * vault key without a finger, so the keychain no longer holds "only
 * ciphertext" against them. docs/APP-LOCK.md says this to the user.
 */
export interface QuickUnlockPort {
  readonly kind: 'touch-id'
  /** Whether the OS can ask now (a sensor, and a finger enrolled). */
  available(): boolean
  /** Asks the OS to check the user; false when it failed or was cancelled. */
  verify(reason: string): Promise<boolean>
  /** Seals bytes for this app and OS user only; null when the OS cannot. */
  seal(bytes: Uint8Array): string | null
  /** null when it cannot be opened (another user, another machine, a changed OS key). */
  open(sealed: string): Uint8Array | null
}
