import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { lockLoginKeyring, secretServiceRunning, unlockLoginKeyring, waitForSecretService } from '../helpers/private-keyring'

export type ControlledKeyring = Readonly<{
  address: string
  /** Locks the login collection, as the OS does on screen lock or timeout. */
  lock(): void
  /** Unlocks it again with its password, in the same daemon. */
  unlock(): void
  /** Freezes gnome-keyring-daemon (SIGSTOP): every keychain call waits, as on a stuck unlock prompt. */
  pause(): void
  /** Lets it run again (SIGCONT). */
  resume(): void
  /** Kills gnome-keyring-daemon (SIGKILL, as a crash): nothing provides the Secret Service any more. */
  kill(): Promise<void>
  /** Starts gnome-keyring-daemon again on the same keyring files, unlocked with the password. */
  start(): Promise<void>
  /** Whether a process owns org.freedesktop.secrets on this bus right now. */
  serving(): boolean
  stop(): void
}>

/**
 * Like test/helpers/private-keyring.ts (a D-Bus session and gnome-keyring of
 * this test file's own), plus killing and restarting the daemon. The bus has
 * NO service activation: with Debian's default session config a call to a
 * vanished org.freedesktop.secrets would start a fresh (locked) daemon
 * behind the test's back; here a killed daemon stays gone until `start()`.
 * Points this process's DBUS_SESSION_BUS_ADDRESS at it: call before
 * anything touches keytar.
 */
export async function startControlledKeyring(password = 'reliability-test'): Promise<ControlledKeyring> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'sg-keyring-ctl-'))
  const config = path.join(home, 'bus.conf')
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${home}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  )
  const bus = spawnSync('dbus-daemon', [`--config-file=${config}`, '--fork', '--print-address=1', '--print-pid=1'], { encoding: 'utf8' })
  if (bus.status !== 0) throw new Error(`dbus-daemon failed: ${bus.stderr}`)
  const [address, busPid] = bus.stdout.trim().split('\n') as [string, string]
  // No XDG_RUNTIME_DIR: gnome-keyring would put its control socket there and, finding one, stay silent.
  const { XDG_RUNTIME_DIR: _runtimeDir, ...inherited } = process.env
  const env = { ...inherited, HOME: home, DBUS_SESSION_BUS_ADDRESS: address }
  let daemon: ChildProcess | null = null

  const serving = () => secretServiceRunning(address)
  const waitFor = (want: boolean) => waitForSecretService(address, want, 250)

  async function start(): Promise<void> {
    const child = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'pipe', 'ignore'] })
    child.stdin!.end(password)
    // It prints its control variables once the keyring is unlocked and serving.
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`gnome-keyring-daemon exited with ${code}`)))
    })
    daemon = child
    await waitFor(true)
  }

  await start()
  process.env.DBUS_SESSION_BUS_ADDRESS = address

  return {
    address,
    serving,
    start,
    lock: () => lockLoginKeyring(env),
    unlock() {
      unlockLoginKeyring(env, password)
    },
    pause: () => void daemon?.kill('SIGSTOP'),
    resume: () => void daemon?.kill('SIGCONT'),
    async kill() {
      const running = daemon
      if (!running) return
      daemon = null
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGKILL')
      await exited
      await waitFor(false)
    },
    stop() {
      daemon?.kill('SIGKILL')
      spawnSync('kill', [busPid])
      rmSync(home, { recursive: true, force: true })
    },
  }
}
