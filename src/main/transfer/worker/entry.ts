import { parentPort } from 'node:worker_threads'
import type { WorkerReply, WorkerTask } from './protocol'
import { runTask } from './tasks'

/*
 * The transfer worker (out/main/transfer-worker.js), started by client.ts:
 * answers each `WorkerTask` with an estimate (for expensive ones) and then
 * the result. The client sends one task at a time and may send the next
 * to the same thread.
 */

const port = parentPort
if (port) {
  port.on('message', (task: WorkerTask) => {
    const reply = (message: WorkerReply) => port.postMessage(message)
    runTask(task, (ms) => reply({ type: 'estimate', ms }))
      .then((value) => reply({ type: 'done', value }))
      .catch((e: unknown) => reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) }))
  })
}
