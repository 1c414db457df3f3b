import { describe, expect, it } from 'vitest'
import { defaultSettings, type LockStatus } from '../../shared/contract'
import { lockEvidence } from './lock-evidence'

const status = (state: LockStatus['state']): LockStatus => ({
  state, lockedBy: null, change: null, unfinished: false, failures: 0, freeTries: 5, retryAt: null, quickUnlock: { kind: null, available: false, enabled: false }, problem: null,
})

describe('the checklist evidence the app lock provides', () => {
  it('"App lock on, with auto-lock": only with the lock on and some auto-lock', () => {
    expect(lockEvidence(status('off'), defaultSettings, 'linux', 'web').appLock.met).toBe(false)
    expect(lockEvidence(status('unlocked'), defaultSettings, 'linux', 'web').appLock).toEqual({ met: true, finding: 'The app lock is on and locks after 5 min idle and when the screen locks.' })
    expect(lockEvidence(status('locked'), { ...defaultSettings, autoLockIdleMinutes: 0, autoLockOnScreenLock: false }, 'linux', 'web').appLock.met).toBe(false)
  })

  it('"Screen privacy on": content protection where the OS has it, or hidden codes', () => {
    expect(lockEvidence(status('off'), defaultSettings, 'win32', 'electron').screenPrivacy.met).toBe(true)
    // Linux cannot keep a window out of a capture, whatever the setting says.
    expect(lockEvidence(status('off'), defaultSettings, 'linux', 'electron').screenPrivacy).toMatchObject({ met: false, finding: expect.stringContaining('Hide codes') })
    expect(lockEvidence(status('off'), { ...defaultSettings, hideCodes: true }, 'linux', 'electron').screenPrivacy.met).toBe(true)
    expect(lockEvidence(status('off'), { ...defaultSettings, contentProtection: false }, 'darwin', 'electron').screenPrivacy.met).toBe(false)
  })
})
