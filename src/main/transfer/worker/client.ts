import { Worker } from 'node:worker_threads'
import type { CryptoWork, WorkOptions } from '../crypto-work'
import type { TaskValue, WorkerReply, WorkerTask } from './protocol'

/*
 * Main's side of the transfer worker: each task gets a fresh worker thread
 * (so an Argon2 run's memory, up to 1 GiB, is returned to the OS when it
 * ends), reports progress from the worker's estimate while it runs, and is
 * ended at once when the caller aborts.
 */

/** How often progress is reported while a task runs, ms. */
const PROGRESS_EVERY_MS = 200

/** `entry`: the built worker script (out/main/transfer-worker.js). */
export function createWorkerCrypto(entry: string): CryptoWork {
  return {
    run: <T extends WorkerTask>(task: T, options: WorkOptions = {}) => runOnWorker<T>(entry, task, options),
  }
}

function runOnWorker<T extends WorkerTask>(entry: string, task: T, options: WorkOptions): Promise<TaskValue<T>> {
  return new Promise<TaskValue<T>>((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason as Error)
    const worker = new Worker(entry)
    let ticker: NodeJS.Timeout | undefined
    let estimateMs: number | undefined
    let settled = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearInterval(ticker)
      options.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      outcome()
    }
    const onAbort = () => finish(() => reject(options.signal?.reason as Error))
    options.signal?.addEventListener('abort', onAbort, { once: true })

    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'estimate') {
        estimateMs = reply.ms
        const started = Date.now()
        const report = () => options.onProgress?.({ stage: 'deriving-key', fraction: Math.min(0.99, (Date.now() - started) / Math.max(1, reply.ms)), estimateMs: reply.ms })
        report()
        clearInterval(ticker)
        ticker = setInterval(report, PROGRESS_EVERY_MS)
      } else if (reply.type === 'done') {
        finish(() => {
          if (estimateMs !== undefined) options.onProgress?.({ stage: 'deriving-key', fraction: 1, estimateMs })
          resolve(reply.value as TaskValue<T>)
        })
      } else {
        finish(() => reject(new Error(reply.message)))
      }
    })
    worker.on('error', (error) => finish(() => reject(error)))
    worker.on('exit', (code) => finish(() => reject(new Error(`the transfer worker stopped (exit code ${code})`))))
    worker.postMessage(task)
  })
}
