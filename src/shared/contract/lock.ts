import { z } from 'zod'
import { method } from './define'
import { START_OVER_PHRASE } from './choices'
import { MAX_PASSWORD_LENGTH, MIN_APP_PASSWORD_LENGTH } from './limits'

/*
 * The app lock: an optional password (off by default). With it on, every
 * keychain item is sealed under a vault key that only the password (or a
 * quick unlock) opens; while locked, main holds no secret and no key, and
 * every method outside OPEN_WHILE_LOCKED replies with a `locked` error.
 */

/** A new app password (enable, change). */
export const NewAppPassword = z
  .string()
  .min(MIN_APP_PASSWORD_LENGTH, `Use a password of at least ${MIN_APP_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use a password of at most ${MAX_PASSWORD_LENGTH} characters.`)
/** The app password as typed to unlock or confirm: any length, checked in main. */
export const AppPassword = z.string().min(1, 'Type your SellerGuard password.').max(MAX_PASSWORD_LENGTH)

/**
 * - `checking`: the keychain has not been read yet;
 * - `off`: no app lock (today's plain keychain items);
 * - `locked`: on, and no key is held: nothing but unlocking works;
 * - `unlocked`: on, and the vault key is held;
 * - `damaged`: the lock's keychain item cannot be read; nothing is deleted — restore from an encrypted backup.
 */
export const LockState = z.enum(['checking', 'off', 'locked', 'unlocked', 'damaged'])
export type LockState = z.infer<typeof LockState>

/** What locked the app last, for the unlock screen's words. */
export const LockReason = z.enum(['start', 'user', 'idle', 'screen-lock', 'suspend', 'hidden'])
export type LockReason = z.infer<typeof LockReason>

export const LockChangeKind = z.enum(['enable', 'disable', 'change-password'])
export type LockChangeKind = z.infer<typeof LockChangeKind>

export const LockStatus = z.object({
  state: LockState,
  lockedBy: LockReason.nullable(),
  /** A change of protection in progress: every keychain item is being re-wrapped. */
  change: z.object({ kind: LockChangeKind, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  /** A change started before (cut short by a crash or a failed item) is not finished; it finishes at the next unlock. */
  unfinished: z.boolean(),
  /** Wrong passwords in a row (counted in main, kept across restarts). */
  failures: z.number().int().nonnegative(),
  /** Wrong passwords allowed before waits begin. */
  freeTries: z.number().int().positive(),
  /** When the next password may be tried, ms since the epoch; null = now. */
  retryAt: z.number().nullable(),
  quickUnlock: z.object({
    /** The OS's own unlock this app can use here; null = password only on this platform. */
    kind: z.enum(['touch-id']).nullable(),
    /** It can be used right now (e.g. Touch ID is set up). */
    available: z.boolean(),
    enabled: z.boolean(),
  }),
  /** What went wrong, in one sentence (a damaged lock item, an item that could not be re-wrapped). */
  problem: z.string().nullable(),
})
export type LockStatus = z.infer<typeof LockStatus>

export const lockMethods = {
  status: method(z.void(), LockStatus),
  /** Turns the lock on: every keychain item is sealed under a new vault key wrapped by this password. */
  enable: method(z.object({ password: NewAppPassword }).strict(), LockStatus),
  /** Turns it off (the password confirms it): items go back to plain keychain items. */
  disable: method(z.object({ password: AppPassword }).strict(), LockStatus),
  /** A new password and a new vault key: every item is re-wrapped. */
  changePassword: method(z.object({ current: AppPassword, next: NewAppPassword }).strict(), LockStatus),
  unlock: method(z.object({ password: AppPassword }).strict(), LockStatus),
  /** Unlocks with the OS (Touch ID), where it is set up. */
  quickUnlock: method(z.void(), LockStatus),
  /** Turns quick unlock on (the password confirms it) or off. */
  setQuickUnlock: method(z.object({ enabled: z.boolean(), password: AppPassword.optional() }).strict(), LockStatus),
  lockNow: method(z.void(), LockStatus),
  /**
   * The password is forgotten: deletes every secret sealed under the lock
   * and turns it off. The account list stays, its accounts without a
   * secret until restored from an encrypted backup or added again.
   */
  startOver: method(z.object({ confirm: z.literal(START_OVER_PHRASE, { error: `Type “${START_OVER_PHRASE}” to confirm.` }) }).strict(), LockStatus),
}

export const lockEvents = {
  status: LockStatus,
}

/**
 * The only methods that answer while the app is locked: what the unlock
 * screen needs (the app's name and platform, the theme, the keychain's
 * state), the tray's "Unlock SellerGuard…", and the lock itself. Every
 * other method replies `locked`: none of these produces a code or a secret.
 */
export const OPEN_WHILE_LOCKED = [
  'app.info',
  'settings.get',
  'vault.status',
  'vault.retry',
  'tray.menu',
  'tray.activate',
  'lock.status',
  'lock.unlock',
  'lock.quickUnlock',
  'lock.lockNow',
  'lock.startOver',
] as const
