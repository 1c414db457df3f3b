import type { TaskValue, WorkerTask } from './worker/protocol'
import { runTask } from './worker/tasks'

/*
 * Expensive cryptography for importers (password-based key derivation and
 * what must follow it), behind one interface: the app runs it on the
 * transfer worker thread (worker/client.ts) so the main process stays
 * responsive; `inThreadWork` runs the same code on the calling thread, for
 * tests and benches that want no thread.
 */

/** How far an expensive task has got, from the measured estimate (worker/estimate.ts). */
export type WorkProgress = Readonly<{
  stage: 'deriving-key'
  /** 0–1, by elapsed time against the estimate; 1 when done. */
  fraction: number
  /** The estimated total, ms. */
  estimateMs: number
}>

export type WorkOptions = Readonly<{
  onProgress?: (progress: WorkProgress) => void
  /** Aborting stops the work (the thread is ended) and rejects with an AbortError. */
  signal?: AbortSignal
}>

export type CryptoWork = Readonly<{
  run<T extends WorkerTask>(task: T, options?: WorkOptions): Promise<TaskValue<T>>
  /** Starts what the next task runs on ahead of it (a thread); true if something was started. */
  prepare?(): boolean
}>

export const inThreadWork: CryptoWork = {
  async run(task, options = {}) {
    options.signal?.throwIfAborted()
    const value = await runTask(task, (estimateMs) => options.onProgress?.({ stage: 'deriving-key', fraction: 0, estimateMs }))
    options.signal?.throwIfAborted()
    return value
  },
}
