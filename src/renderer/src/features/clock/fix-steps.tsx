import type { AppInfo } from '../../contract'

/** How to set the clock right on each OS, in the words of its own settings. */
export function FixSteps({ platform }: Readonly<{ platform: AppInfo['platform'] | undefined }>) {
  if (platform === 'win32') {
    return (
      <p>
        On Windows: open <strong>Settings → Time &amp; language → Date &amp; time</strong>, turn on <strong>Set time automatically</strong>, then click{' '}
        <strong>Sync now</strong>.
      </p>
    )
  }
  if (platform === 'darwin') {
    return (
      <p>
        On macOS: open <strong>System Settings → General → Date &amp; Time</strong> and turn on <strong>Set time and date automatically</strong>.
      </p>
    )
  }
  return (
    <p>
      On Linux: run <code>timedatectl set-ntp true</code> in a terminal (or turn on <strong>Automatic Date &amp; Time</strong> in your desktop’s
      settings), then check again.
    </p>
  )
}
