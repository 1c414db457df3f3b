import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type PrivateKeyring = Readonly<{
  address: string
  /** Locks the login collection, as the OS does on screen lock or timeout. */
  lock(): void
  /** Unlocks it again with its password, in the same daemon. */
  unlock(): Promise<void>
  /** Freezes the daemon (SIGSTOP): every keychain call hangs, as with a stuck unlock prompt. */
  pause(): void
  /** Lets it run again (SIGCONT). */
  resume(): void
  stop(): void
}>

/**
 * A D-Bus session and gnome-keyring of this test file's own, so that a test
 * can lock and unlock the keyring without disturbing tests running in
 * parallel on the shared one. Points this process's
 * DBUS_SESSION_BUS_ADDRESS at it: call before anything touches keytar
 * (libsecret keeps its first bus connection for the life of the process).
 */
export async function startPrivateKeyring(password = 'private-test'): Promise<PrivateKeyring> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'sg-keyring-'))
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { encoding: 'utf8' })
  if (bus.status !== 0) throw new Error(`dbus-daemon failed: ${bus.stderr}`)
  const [address, pid] = bus.stdout.trim().split('\n') as [string, string]
  const env = { ...process.env, HOME: home, DBUS_SESSION_BUS_ADDRESS: address }
  const daemon: ChildProcess = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'pipe', 'ignore'] })
  daemon.stdin!.end(password)
  // It prints its control variables once the keyring is unlocked and serving.
  await new Promise<void>((resolve, reject) => {
    daemon.stdout!.once('data', () => resolve())
    daemon.once('exit', (code) => reject(new Error(`gnome-keyring-daemon exited with ${code}`)))
  })
  await waitForSecretService(address)
  process.env.DBUS_SESSION_BUS_ADDRESS = address

  return {
    address,
    lock: () => lockLoginKeyring(env),
    async unlock() {
      unlockLoginKeyring(env, password)
    },
    pause: () => void daemon.kill('SIGSTOP'),
    resume: () => void daemon.kill('SIGCONT'),
    stop() {
      daemon.kill('SIGCONT')
      daemon.kill()
      spawnSync('kill', [pid])
      rmSync(home, { recursive: true, force: true })
    },
  }
}

/** Whether a Secret Service (gnome-keyring) owns its name on this bus. */
export function secretServiceRunning(address: string): boolean {
  const r = spawnSync('dbus-send', ['--bus=' + address, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { encoding: 'utf8' })
  return r.stdout.includes('boolean true')
}

/** Waits (20 ms steps) until the Secret Service is there, or with `want` false, gone. */
export async function waitForSecretService(address: string, want = true, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (secretServiceRunning(address) === want) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(want ? 'gnome-keyring never took org.freedesktop.secrets' : 'org.freedesktop.secrets never went away')
}

/** Locks the login collection, as the OS does on screen lock or timeout. */
export function lockLoginKeyring(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', 'array:objpath:/org/freedesktop/secrets/collection/login'],
    { env, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`lock failed: ${result.stderr}`)
}

/** Unlocks it with its password in the running daemon, as the desktop's unlock dialog does. */
export function unlockLoginKeyring(env: NodeJS.ProcessEnv, password: string): void {
  const result = spawnSync('/usr/bin/python3', [path.join(__dirname, 'unlock-keyring.py')], { env, input: password, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`unlock failed: ${result.stderr}`)
}
