import type { LockReason, Settings } from '../../shared/contract'

/** What the OS says happened: the screen locked, the computer is going to sleep, the window was hidden or minimised. */
export type SystemEvent = 'screen-lock' | 'suspend' | 'hidden'

export type AutoLockSettings = Pick<Settings, 'autoLockIdleMinutes' | 'autoLockOnScreenLock' | 'autoLockWhenHidden'>

export type AutoLockDeps = Readonly<{
  /**
   * Seconds since the last keyboard or mouse input anywhere on the computer:
   * Electron's powerMonitor.getSystemIdleTime(); in web mode and tests an
   * injected source (web/idle-source.ts).
   */
  idleSeconds: () => number
  settings: () => AutoLockSettings
  /** Whether there is anything to lock: the lock is on and unlocked. */
  unlocked: () => boolean
  lock: (reason: LockReason) => void
  /** How often the idle time is read, ms. */
  pollMs?: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}>

export interface AutoLock {
  start(): void
  stop(): void
  /** Reads the idle time now (the poll does this every `pollMs`). */
  check(): void
  systemEvent(event: SystemEvent): void
}

/** Idle time is read this often: a 5-minute limit locks within 5 min 10 s. */
export const IDLE_POLL_MS = 10_000

/**
 * When the app locks by itself, each a setting: after N minutes of system
 * idle (default 5), when the screen locks or the computer sleeps (default
 * on), and when the window is hidden or minimised to the tray (default off).
 * Pure policy: the OS events and the idle time come in through deps.
 */
export function createAutoLock(deps: AutoLockDeps): AutoLock {
  const setTimer = deps.setTimer ?? ((fn, ms) => setInterval(fn, ms))
  const clearTimer = deps.clearTimer ?? ((h) => clearInterval(h as NodeJS.Timeout))
  let timer: unknown = null

  const check = () => {
    if (!deps.unlocked()) return
    const minutes = deps.settings().autoLockIdleMinutes
    if (minutes > 0 && deps.idleSeconds() >= minutes * 60) deps.lock('idle')
  }

  return {
    start() {
      if (timer === null) timer = setTimer(check, deps.pollMs ?? IDLE_POLL_MS)
    },
    stop() {
      if (timer !== null) clearTimer(timer)
      timer = null
    },
    check,
    systemEvent(event) {
      if (!deps.unlocked()) return
      const settings = deps.settings()
      if (event === 'hidden' ? settings.autoLockWhenHidden : settings.autoLockOnScreenLock) deps.lock(event)
    },
  }
}
