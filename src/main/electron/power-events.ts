import { powerMonitor } from 'electron'
import type { SystemEvent } from '../lock/auto-lock'

/** Seconds since the last keyboard or mouse input anywhere on the computer (the auto-lock's idle source). */
export const systemIdleSeconds = (): number => powerMonitor.getSystemIdleTime()

/** The screen locked or the computer is going to sleep: the auto-lock may lock the app. */
export function onLockEvents(listener: (event: SystemEvent) => void): void {
  powerMonitor.on('lock-screen', () => listener('screen-lock'))
  powerMonitor.on('suspend', () => listener('suspend'))
}
