import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import type { Readable } from 'node:stream'

/**
 * A real X display for screen-capture tests: Xvfb (package xvfb) on a free
 * display number, and ImageMagick's `display` (package imagemagick) showing
 * an image in a real window on it.
 */

/** Why Xvfb or ImageMagick cannot run here, or null when they can. */
export function xvfbUnavailable(): string | null {
  if (process.platform !== 'linux') return 'X display tests need Linux'
  if (spawnSync('Xvfb', ['-help']).error) return 'Xvfb is not installed (apt-get install xvfb)'
  if (spawnSync('import', ['-version']).error) return "ImageMagick's import is not installed (apt-get install imagemagick)"
  return null
}

export type Xvfb = Readonly<{
  /** The DISPLAY value, e.g. ":3". */
  display: string
  /** Kills Xvfb by its PID and waits for it to exit. */
  stop(): Promise<void>
}>

/**
 * Starts `Xvfb -screen 0 WxHx24`. `-displayfd` makes Xvfb itself pick a free
 * display number and write it to that descriptor once it accepts clients, so
 * there is no guessing, no race with another server, and no polling for
 * readiness.
 */
export async function startXvfb(width = 1280, height = 800, timeoutMs = 10_000): Promise<Xvfb> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] })
  const stop = (): Promise<void> => stopProcess(child)
  try {
    const number = await readLine(child.stdio[3] as Readable, child, timeoutMs)
    return { display: `:${number}`, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Shows an image file in an ImageMagick window at (x, y). Resolves once the process has started, not once the window is mapped. */
export async function showImage(display: string, file: string, x: number, y: number): Promise<Readonly<{ stop(): Promise<void> }>> {
  const child = spawn('display', ['-geometry', `+${x}+${y}`, file], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' })
  await once(child, 'spawn')
  return { stop: () => stopProcess(child) }
}

/** SIGTERM, then SIGKILL if the process is still there after a second. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 1000)
  await exited
  clearTimeout(timer)
}

function readLine(stream: Readable, child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start within ${timeoutMs} ms`)), timeoutMs)
    const onData = (data: Buffer): void => {
      text += data.toString('utf8')
      if (text.includes('\n')) done(() => resolve(text.trim()))
    }
    const onExit = (code: number | null): void => fail(new Error(`Xvfb exited early (code ${code})`))
    const fail = (error: Error): void => done(() => reject(error))
    const done = (settle: () => void): void => {
      clearTimeout(timer)
      stream.off('data', onData)
      child.off('exit', onExit)
      settle()
    }
    stream.on('data', onData)
    child.on('exit', onExit)
  })
}
