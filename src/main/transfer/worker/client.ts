import { Worker } from 'node:worker_threads'
import type { CryptoWork, WorkOptions } from '../crypto-work'
import type { TaskValue, WorkerReply, WorkerTask } from './protocol'

/*
 * Main's side of the transfer worker. Starting a worker thread and loading
 * the importers there (zod, detect.ts) costs ~170 ms here, more than reading
 * a 1,000-entry file takes, so a thread that finished a plain task is kept
 * for the next one and ended once it has been idle `idleMs`. A thread that
 * ran a key derivation (it sent an estimate: Argon2's memory, up to 1 GiB,
 * may still be held) is ended at once, so that memory returns to the OS, as
 * is one whose task was aborted or failed. One task per thread at a time; a
 * task that comes while the kept thread is busy gets a thread of its own.
 */

/** How often progress is reported while a task runs, ms. */
const PROGRESS_EVERY_MS = 200

/** A thread being ended may still report an error: it is no one's any more. */
const ignore = () => undefined

/** How long a thread is kept for the next task, ms: long enough for a second try or the next file. */
export const WORKER_IDLE_MS = 60_000

export type WorkerCrypto = CryptoWork &
  Readonly<{
    prepare(): boolean
    /** Ends the kept thread, if any (tasks still running finish on their own threads). */
    close(): void
    /** Threads started so far (for tests: a kept thread serves the next task without a start). */
    started(): number
  }>

/** `entry`: the built worker script (out/main/transfer-worker.js). */
export function createWorkerCrypto(entry: string, idleMs = WORKER_IDLE_MS): WorkerCrypto {
  let kept: Readonly<{ worker: Worker; timer: NodeJS.Timeout; gone: () => void }> | null = null
  let starts = 0

  /** Stops keeping the idle thread; returns it, or null. */
  function release(): Worker | null {
    if (!kept) return null
    const { worker, timer, gone } = kept
    kept = null
    clearTimeout(timer)
    worker.off('exit', gone).off('error', gone)
    return worker
  }

  function take(): Worker {
    const worker = release()
    if (worker) {
      worker.ref()
      return worker
    }
    starts++
    return new Worker(entry)
  }

  function keep(worker: Worker): void {
    if (kept) return void worker.on('error', ignore).terminate()
    // An idle thread must not keep the process alive.
    worker.unref()
    const timer = setTimeout(close, idleMs)
    timer.unref()
    const gone = () => void release()?.on('error', ignore).terminate()
    worker.once('exit', gone).once('error', gone)
    kept = { worker, timer, gone }
  }

  function close(): void {
    void release()?.on('error', ignore).terminate()
  }

  /** A thread kept ready for the next task, started now if none is (the import dialog opened). */
  function prepare(): boolean {
    const before = starts
    keep(take())
    return starts > before
  }

  return {
    run: <T extends WorkerTask>(task: T, options: WorkOptions = {}) => runOn<T>(take, keep, task, options),
    prepare,
    close,
    started: () => starts,
  }
}

function runOn<T extends WorkerTask>(take: () => Worker, keep: (worker: Worker) => void, task: T, options: WorkOptions): Promise<TaskValue<T>> {
  return new Promise<TaskValue<T>>((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason as Error)
    const worker = take()
    let ticker: NodeJS.Timeout | undefined
    let estimateMs: number | undefined
    let settled = false
    const finish = (reusable: boolean, outcome: () => void) => {
      if (settled) return
      settled = true
      clearInterval(ticker)
      options.signal?.removeEventListener('abort', onAbort)
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      if (reusable && estimateMs === undefined) keep(worker)
      else void worker.on('error', ignore).terminate()
      outcome()
    }
    const onAbort = () => finish(false, () => reject(options.signal?.reason as Error))
    const onError = (error: Error) => finish(false, () => reject(error))
    const onExit = (code: number) => finish(false, () => reject(new Error(`the transfer worker stopped (exit code ${code})`)))
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'estimate') {
        estimateMs = reply.ms
        const started = Date.now()
        const report = () => options.onProgress?.({ stage: 'deriving-key', fraction: Math.min(0.99, (Date.now() - started) / Math.max(1, reply.ms)), estimateMs: reply.ms })
        report()
        clearInterval(ticker)
        ticker = setInterval(report, PROGRESS_EVERY_MS)
      } else if (reply.type === 'done') {
        finish(true, () => {
          if (estimateMs !== undefined) options.onProgress?.({ stage: 'deriving-key', fraction: 1, estimateMs })
          resolve(reply.value as TaskValue<T>)
        })
      } else {
        finish(false, () => reject(new Error(reply.message)))
      }
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
    worker.postMessage(task)
  })
}
