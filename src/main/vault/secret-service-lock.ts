import { execFile } from 'node:child_process'

/** The collection keytar (libsecret) stores in: the Secret Service's default alias. */
const DEFAULT_COLLECTION = '/org/freedesktop/secrets/aliases/default'

export type SecretServiceLockOptions = Readonly<{
  /** Longest wait for the answer, ms: a frozen daemon must not hold anyone up. */
  timeoutMs?: number
  env?: NodeJS.ProcessEnv
}>

/**
 * Linux only: whether the Secret Service's default collection is locked,
 * read from its `Locked` property over D-Bus (org.freedesktop.Secret.Collection)
 * with `dbus-send`, in a process of its own with a timeout. null when it
 * cannot tell (no dbus-send, no bus, no answer in time).
 *
 * Why: a collection locked while keytar reads it leaves every later call
 * waiting on an unlock prompt that never comes, so the keychain worker
 * times out and the app would say "not answering". The daemon itself still
 * answers this property at once (measured here: ~8 ms while locked), so
 * "locked" can be told apart, and the user gets the right help: unlock it.
 */
export function readSecretServiceLocked(options: SecretServiceLockOptions = {}): Promise<boolean | null> {
  const timeoutMs = options.timeoutMs ?? 2_000
  const args = [
    '--session', '--print-reply', `--reply-timeout=${timeoutMs}`, '--dest=org.freedesktop.secrets', DEFAULT_COLLECTION,
    'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked',
  ]
  return new Promise((resolve) => {
    execFile('dbus-send', args, { timeout: timeoutMs + 500, killSignal: 'SIGKILL', env: options.env ?? process.env, encoding: 'utf8' }, (error, stdout) => {
      const answer = error ? null : /boolean (true|false)/.exec(stdout)
      resolve(answer ? answer[1] === 'true' : null)
    })
  })
}

/** The keychain client's `lockState` on this OS: the Secret Service's property on Linux, nothing elsewhere. */
export function osLockState(platform: NodeJS.Platform): Readonly<{ lockState?: () => Promise<boolean | null> }> {
  return platform === 'linux' ? { lockState: () => readSecretServiceLocked() } : {}
}
