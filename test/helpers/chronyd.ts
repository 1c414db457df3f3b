import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import dgram from 'node:dgram'
import { once } from 'node:events'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { encodeRequest } from '../../src/main/clock/sntp-packet'

export const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1'

export type ChronydOptions = Readonly<{
  /** Loopback address to bind; default 127.0.0.1. `::1` for IPv6. */
  address?: string
  /** Default: a free unprivileged port. Port 123 only for ntpdig's instances (needs root). */
  port?: number
  /** `allow` subnet; default the bound address itself. */
  allow?: string
  /** A libfaketime offset such as `+90s`: the server's clock is that far off. */
  skew?: string
  /** false: no `local stratum`, so chronyd answers LI = 3, stratum 0 (an unsynchronised server). Default true. */
  synchronised?: boolean
  /** How long to wait for the first reply, ms. Default 5000. */
  readyTimeoutMs?: number
}>

export type Chronyd = Readonly<{
  address: string
  port: number
  pid: number
  /** Kills chronyd by its PID and removes its temp dir. */
  stop(): Promise<void>
}>

/** Why chronyd cannot run here, or null when it can. */
export function chronydUnavailable(): string | null {
  if (process.platform !== 'linux') return 'chronyd tests need Linux'
  if (spawnSync('chronyd', ['-v']).error) return 'chronyd is not installed (apt-get install chrony)'
  return null
}

export function faketimeUnavailable(): string | null {
  return existsSync(FAKETIME_LIB) ? null : `libfaketime not found at ${FAKETIME_LIB} (apt-get install faketime)`
}

/** Whether the loopback interface has IPv6 (::1) here. */
export async function hasIpv6Loopback(): Promise<boolean> {
  const socket = dgram.createSocket('udp6')
  try {
    socket.bind(0, '::1')
    await once(socket, 'listening')
    return true
  } catch {
    return false
  } finally {
    try {
      socket.close()
    } catch {
      // never bound: nothing to close
    }
  }
}

/** A port nobody is bound to right now on `address` (the OS picks it; a tiny race before chronyd binds it). */
export async function freeUdpPort(address = '127.0.0.1'): Promise<number> {
  const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4')
  socket.bind(0, address)
  await once(socket, 'listening')
  const { port } = socket.address()
  await new Promise<void>((done) => socket.close(() => done()))
  return port
}

/**
 * Starts chronyd as a loopback NTP server (DESIGN.md §7): `-x` so it never
 * touches the system clock, `-d` in the foreground, wrapped in `setpriv
 * --bounding-set=-sys_time` when available so it could not even if it tried.
 * Resolves once it answers an NTP request.
 */
export async function startChronyd(options: ChronydOptions = {}): Promise<Chronyd> {
  const address = options.address ?? '127.0.0.1'
  const port = options.port ?? (await freeUdpPort(address))
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-chronyd-'))
  const conf = path.join(dir, 'chrony.conf')
  const lines = [
    `port ${port}`,
    `bindaddress ${address}`,
    `allow ${options.allow ?? address}`,
    ...(options.synchronised === false ? [] : ['local stratum 8']),
    'cmdport 0',
    'bindcmdaddress /',
    'user root',
    `pidfile ${path.join(dir, 'chronyd.pid')}`,
    `driftfile ${path.join(dir, 'drift')}`,
  ]
  await fs.writeFile(conf, `${lines.join('\n')}\n`)

  const chronyd = ['chronyd', '-x', '-d', '-f', conf]
  const command = spawnSync('setpriv', ['--version']).error ? chronyd : ['setpriv', '--bounding-set=-sys_time', '--', ...chronyd]
  const env = { ...process.env }
  if (options.skew !== undefined) {
    env.LD_PRELOAD = FAKETIME_LIB
    env.FAKETIME = options.skew
  }
  const [file, ...args] = command
  const child = spawn(file ?? 'chronyd', args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const stop = async () => {
    await kill(child, exited)
    await fs.rm(dir, { recursive: true, force: true })
  }
  const pid = child.pid
  if (pid === undefined) {
    await fs.rm(dir, { recursive: true, force: true })
    throw new Error(`could not start chronyd: ${output}`)
  }
  try {
    await waitForAnswer(address, port, options.readyTimeoutMs ?? 5000, exited)
  } catch (e) {
    await stop()
    throw new Error(`chronyd on ${address}:${port} did not answer: ${e instanceof Error ? e.message : String(e)}\n${output}`, { cause: e })
  }
  return { address, port, pid, stop }
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  process.kill(child.pid, 'SIGTERM')
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 2000)
  await exited
  clearTimeout(timer)
}

/** Sends NTP requests every 25 ms until any reply arrives (even an unsynchronised one). */
async function waitForAnswer(address: string, port: number, timeoutMs: number, exited: Promise<void>): Promise<void> {
  const socket = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4')
  let interval: NodeJS.Timeout | undefined
  let timer: NodeJS.Timeout | undefined
  try {
    await new Promise<void>((done, fail) => {
      socket.on('message', () => done())
      socket.on('error', fail)
      void exited.then(() => fail(new Error('chronyd exited')))
      timer = setTimeout(() => fail(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs)
      const ask = () => socket.send(encodeRequest(randomBytes(8)), port, address)
      ask()
      interval = setInterval(ask, 25)
    })
  } finally {
    clearInterval(interval)
    clearTimeout(timer)
    socket.close()
  }
}
