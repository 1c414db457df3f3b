/**
 * A queue that runs one task at a time, in the order they were queued: a
 * task starts only after the one before it settled (a failure does not stop
 * the queue). Returns each task's own promise.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>

export function createSerial(): Serial {
  let queue: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }
}
