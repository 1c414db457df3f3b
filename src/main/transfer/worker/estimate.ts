import { createCipheriv } from 'node:crypto'
import type { Argon2Task } from './protocol'

/*
 * How long a key derivation will take on this machine, measured on a small
 * run of the same code and scaled: Argon2's time grows with memory ×
 * passes (RFC 9106 section 3; its lanes run one after another in WebAssembly),
 * AES-KDF's with its rounds. The estimate drives the progress shown while the
 * real run goes on, and refuses runs that would take far too long.
 */

type Argon2Run = (task: Argon2Task) => Promise<Uint8Array>

const SAMPLE_KIB = 8 * 1024

/** Estimated ms for `task`, from one timed 8 MiB single-pass run. */
export async function argon2Estimate(run: Argon2Run, task: Argon2Task): Promise<number> {
  const sample: Argon2Task = { ...task, memoryKiB: SAMPLE_KIB, iterations: 1, parallelism: 1 }
  await run({ ...sample, memoryKiB: 64 })
  const started = performance.now()
  await run(sample)
  const ms = performance.now() - started
  return ms * (task.memoryKiB / SAMPLE_KIB) * task.iterations
}

const SAMPLE_ROUNDS = 200_000

/**
 * Estimated ms for KeePass's AES-KDF (AES-256-ECB applied `rounds` times to
 * both halves of the key), timed the way kdbxweb runs it: CBC over zeros, one
 * block per round.
 */
export function aesKdfEstimate(rounds: number): number {
  const cipher = createCipheriv('aes-256-cbc', Buffer.alloc(32, 1), Buffer.alloc(16))
  const zeros = Buffer.alloc(16 * SAMPLE_ROUNDS)
  const started = performance.now()
  cipher.update(zeros)
  const ms = performance.now() - started
  // Two 16-byte halves.
  return 2 * ms * (rounds / SAMPLE_ROUNDS)
}
