import type * as SodiumModule from 'libsodium-wrappers'
import { argon2Estimate } from './estimate'
import { openKdbx } from './kdbx-open'
import type { Argon2Task, ImportTask, SecretstreamTask, TaskValue, WorkerTask } from './protocol'

/*
 * The work itself, the same whether it runs on the transfer worker thread
 * (the app) or on the calling thread (tests and benches that ask for it).
 * The libraries load on first use, so nothing here costs start-up time.
 */

/** Told the estimated ms of an expensive task before it starts. */
export type EstimateSink = (ms: number) => void

/** Runs one task; the caller checks inputs against the limits in protocol.ts first. */
export async function runTask<T extends WorkerTask>(task: T, estimate: EstimateSink): Promise<TaskValue<T>> {
  switch (task.kind) {
    case 'argon2':
      estimate(await argon2Estimate(argon2, task))
      return (await argon2(task)) as TaskValue<T>
    case 'secretstream':
      return (await secretstreamPull(task)) as TaskValue<T>
    case 'kdbx':
      return (await openKdbx(task, argon2, estimate)) as TaskValue<T>
    case 'import':
      return (await importHere(task, estimate)) as TaskValue<T>
  }
  throw new Error(`unknown task ${(task as { kind: string }).kind}`)
}

/** An import file read on this thread, its key derivation too; each derivation's estimate is reported. */
async function importHere(task: ImportTask, estimate: EstimateSink) {
  const [{ importFile }, { inThreadWork }] = await Promise.all([import('../detect'), import('../crypto-work')])
  return importFile(task.file, {
    ...(task.password !== null ? { password: task.password } : {}),
    ...(task.keyFile ? { keyFile: task.keyFile } : {}),
    work: inThreadWork,
    onProgress: (progress) => {
      if (progress.fraction === 0) estimate(progress.estimateMs)
    },
  })
}

async function argon2(task: Argon2Task): Promise<Uint8Array> {
  const hashWasm = await import('hash-wasm')
  const run = task.variant === 'argon2d' ? hashWasm.argon2d : hashWasm.argon2id
  return run({
    password: task.password,
    salt: task.salt,
    iterations: task.iterations,
    memorySize: task.memoryKiB,
    parallelism: task.parallelism,
    hashLength: task.length,
    outputType: 'binary',
  })
}


/** libsodium's secretstream pull of one message; null when it does not authenticate (wrong key or damaged). */
async function secretstreamPull(task: SecretstreamTask): Promise<Readonly<{ message: Uint8Array; tag: number }> | null> {
  const imported = (await import('libsodium-wrappers')) as typeof SodiumModule & { default?: typeof SodiumModule }
  const sodium = imported.default ?? imported
  await sodium.ready
  if (task.header.length !== sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES || task.key.length !== sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES) return null
  try {
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(task.header, task.key)
    const pulled = sodium.crypto_secretstream_xchacha20poly1305_pull(state, task.ciphertext, null)
    return pulled === false ? null : { message: pulled.message, tag: pulled.tag }
  } catch {
    return null
  }
}
