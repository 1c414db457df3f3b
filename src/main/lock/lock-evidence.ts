import type { AppInfo, LockStatus, Settings } from '../../shared/contract'
import { canProtectContent } from '../../shared/screen-privacy'

/** A fact SellerGuard checks itself for the security checklist: met or not, and in words why. */
export type LockFact = Readonly<{ met: boolean; finding: string }>

export type LockEvidence = Readonly<{
  /** "App lock on, with auto-lock". */
  appLock: LockFact
  /** "Screen privacy on". */
  screenPrivacy: LockFact
}>

/**
 * The checklist's evidence items the app lock provides (issue 15), from the
 * lock's status and the settings, for checklist/ to read as data (it never
 * imports lock/: the composition root passes `() => lockEvidence(...)`).
 */
export function lockEvidence(status: LockStatus, settings: Settings, platform: NodeJS.Platform, runtime: AppInfo['runtime']): LockEvidence {
  const on = status.state === 'unlocked' || status.state === 'locked'
  const autoLocks = settings.autoLockIdleMinutes > 0 || settings.autoLockOnScreenLock
  const appLock: LockFact = !on
    ? { met: false, finding: 'The app lock is off: anyone at this computer can open SellerGuard.' }
    : !autoLocks
      ? { met: false, finding: 'The app lock is on, but it never locks by itself: turn on auto-lock after idle time or on screen lock.' }
      : {
          met: true,
          finding: `The app lock is on and locks ${[settings.autoLockIdleMinutes > 0 ? `after ${settings.autoLockIdleMinutes} min idle` : '', settings.autoLockOnScreenLock ? 'when the screen locks' : ''].filter(Boolean).join(' and ')}.`,
        }
  const protect = canProtectContent(platform, runtime) && settings.contentProtection
  const screenPrivacy: LockFact = protect
    ? { met: true, finding: 'Screen shares and recordings leave SellerGuard out.' }
    : settings.hideCodes
      ? { met: true, finding: 'Codes stay hidden until you click a row.' }
      : {
          met: false,
          finding: canProtectContent(platform, runtime) ? 'Content protection is off, and codes are not hidden.' : 'This system cannot keep the window out of screen shares, and codes are not hidden: turn on "Hide codes".',
        }
  return { appLock, screenPrivacy }
}
