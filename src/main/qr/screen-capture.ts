import { execFile, type ExecFileException } from 'node:child_process'
import { err, ok, type Result } from '../../shared/result'

/** Why no picture of the screen was taken. `message` is plain language for the user. */
export type CaptureError =
  /** No display to capture: DISPLAY unset, or its X server cannot be reached. */
  | Readonly<{ kind: 'no-display'; message: string }>
  /** The capture tool is missing, timed out, failed or returned something that is not an image. */
  | Readonly<{ kind: 'capture-failed'; message: string }>

/**
 * Takes a picture of the whole screen, to look for QR codes in it. Web mode
 * implements it with ImageMagick; Electron mode with desktopCapturer (whose
 * `NativeImage.toPNG()` gives the same kind of bytes).
 */
export interface ScreenCapture {
  /** The screen as an encoded image file (PNG), for `decodeQrImage`. */
  capture(): Promise<Result<Uint8Array, CaptureError>>
}

export type ImportCaptureOptions = Readonly<{
  /** Environment to read DISPLAY (and XAUTHORITY) from; default `process.env`, read at each capture. */
  env?: NodeJS.ProcessEnv
  /** Give up after this long, ms. Default 10 000: a 4K screen takes well under a second. */
  timeoutMs?: number
  /** The ImageMagick command; default `import` (Debian: package imagemagick). */
  command?: string
}>

export const DEFAULT_CAPTURE_TIMEOUT_MS = 10_000
/** Room for an uncompressible 8K screen (7680 × 4320 × 4 bytes ≈ 127 MiB) as PNG. */
const MAX_OUTPUT_BYTES = 160 * 1024 * 1024
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47]

/**
 * Web mode's screen capture: the X display named by DISPLAY, whole root
 * window, as PNG on stdout (`import -window root png:-`). There is no
 * permission prompt here: anything on screen is readable by any X client,
 * which is why Electron mode uses the OS-mediated desktopCapturer instead.
 */
export function createImportScreenCapture(options: ImportCaptureOptions = {}): ScreenCapture {
  const command = options.command ?? 'import'
  const timeoutMs = options.timeoutMs ?? DEFAULT_CAPTURE_TIMEOUT_MS
  return {
    capture: async () => {
      const env = options.env ?? process.env
      const display = env.DISPLAY?.trim() ?? ''
      if (display === '') return err({ kind: 'no-display', message: 'There is no screen to capture here (DISPLAY is not set).' })
      const run = await runImport(command, { ...env, DISPLAY: display }, timeoutMs)
      if (!run.ok) return err(explain(run.error, command, display, timeoutMs))
      if (!PNG_SIGNATURE.every((byte, i) => run.value[i] === byte)) {
        return err({ kind: 'capture-failed', message: `${command} did not return a PNG image.` })
      }
      return ok(run.value)
    },
  }
}

type RunFailure = Readonly<{ error: ExecFileException; stderr: string }>

function runImport(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Result<Uint8Array, RunFailure>> {
  return new Promise((resolve) => {
    const args = ['-silent', '-window', 'root', 'png:-']
    execFile(command, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: MAX_OUTPUT_BYTES, encoding: 'buffer' }, (error, stdout, stderr) => {
      if (error) resolve(err({ error, stderr: stderr.toString('utf8').trim() }))
      else resolve(ok(new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength)))
    })
  })
}

function explain({ error, stderr }: RunFailure, command: string, display: string, timeoutMs: number): CaptureError {
  if (error.code === 'ENOENT') return { kind: 'capture-failed', message: `${command} is not installed (Debian: apt-get install imagemagick).` }
  // ImageMagick: "import-im6.q16: unable to open X server `:99' @ error/import.c/ImportImageCommand/346."
  if (/unable to open X server/i.test(stderr)) return { kind: 'no-display', message: `The screen ${display} cannot be reached.` }
  if (error.killed) return { kind: 'capture-failed', message: `Capturing the screen took longer than ${timeoutMs / 1000} s.` }
  return { kind: 'capture-failed', message: `Capturing the screen failed: ${stderr || error.message}` }
}
