/**
 * How to set the clock, or the time zone, right on each OS, in the words of
 * its own settings. Data, so the banner, the Clock screen and the helper
 * render the same steps. A `code` step is a command to type.
 */

export type FixPlatform = 'win32' | 'darwin' | 'linux' | 'other' | undefined

export type FixStep = Readonly<{ text: string; code?: string }>

export type FixSteps = Readonly<{ os: string; steps: readonly FixStep[] }>

/** The clock itself is wrong: turn on automatic time and sync. */
export function clockFixSteps(platform: FixPlatform): FixSteps {
  switch (platform) {
    case 'win32':
      return {
        os: 'Windows',
        steps: [{ text: 'Open Settings → Time & language → Date & time.' }, { text: 'Turn on “Set time automatically”, then click “Sync now”.' }],
      }
    case 'darwin':
      return {
        os: 'macOS',
        steps: [{ text: 'Open System Settings → General → Date & Time.' }, { text: 'Turn on “Set time and date automatically”.' }],
      }
    default:
      return {
        os: 'Linux',
        steps: [
          { text: 'Turn on “Automatic Date & Time” in your desktop’s settings, or run:', code: 'timedatectl set-ntp true' },
          { text: 'Then check again here.' },
        ],
      }
  }
}

/** The clock shows the right local time but the zone is wrong: set the zone, not the clock. */
export function timeZoneFixSteps(platform: FixPlatform): FixSteps {
  switch (platform) {
    case 'win32':
      return {
        os: 'Windows',
        steps: [
          { text: 'Open Settings → Time & language → Date & time.' },
          { text: 'Turn on “Set time zone automatically”, or turn it off and pick your zone under “Time zone”.' },
          { text: 'If this computer also starts Linux, make both keep the hardware clock in UTC (on Linux: timedatectl set-local-rtc 0).' },
        ],
      }
    case 'darwin':
      return {
        os: 'macOS',
        steps: [
          { text: 'Open System Settings → General → Date & Time.' },
          { text: 'Turn on “Set time zone automatically using your current location”, or pick the closest city.' },
        ],
      }
    default:
      return {
        os: 'Linux',
        steps: [
          { text: 'Pick your zone in your desktop’s Date & Time settings, or find its name and set it:', code: 'timedatectl list-timezones' },
          { text: 'then (with your zone’s name):', code: 'sudo timedatectl set-timezone Europe/Berlin' },
          { text: 'If this computer also starts Windows, keep the hardware clock in UTC:', code: 'timedatectl set-local-rtc 0' },
        ],
      }
  }
}
