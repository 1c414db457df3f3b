import type { Result } from '../../../shared/result'
import type { ImportError, ImportResult } from '../types'

/*
 * What main asks the transfer worker (a worker_threads thread) to do, and what
 * it answers. Password-based key derivation of other apps' exports (Argon2,
 * KeePass's AES-KDF) takes from a fraction of a second to minutes; it runs
 * there so the main process keeps pushing codes and answering the UI.
 * Messages are structured-cloned: plain objects and Uint8Arrays only.
 */

/** Argon2 (RFC 9106), version 0x13, as hash-wasm computes it. */
export type Argon2Task = Readonly<{
  kind: 'argon2'
  variant: 'argon2d' | 'argon2id'
  password: Uint8Array
  salt: Uint8Array
  iterations: number
  memoryKiB: number
  parallelism: number
  length: number
}>

/** One message of libsodium's crypto_secretstream_xchacha20poly1305 (Ente Auth's encrypted export). */
export type SecretstreamTask = Readonly<{ kind: 'secretstream'; key: Uint8Array; header: Uint8Array; ciphertext: Uint8Array }>

/** Opens a KeePass database (KDBX 3.1 or 4) and lists its entries' TOTP fields. */
export type KdbxTask = Readonly<{ kind: 'kdbx'; file: Uint8Array; password: string | null; keyFile: Uint8Array | null }>

/**
 * Reads an import file of any format (detect.ts), so 1,000 entries are
 * parsed off the main thread; the key derivation it needs runs there too.
 */
export type ImportTask = Readonly<{ kind: 'import'; file: Uint8Array | string; password: string | null; keyFile: Uint8Array | null }>

export type WorkerTask = Argon2Task | SecretstreamTask | KdbxTask | ImportTask

/** One KeePass entry, with only the fields an authenticator needs (never its password). */
export type KdbxEntry = Readonly<{
  title: string
  username: string
  /** The TOTP-related string fields present on the entry, by KeePass field name. */
  fields: Readonly<Record<string, string>>
  /** Group names from below the root group down to the entry's group. */
  path: readonly string[]
  /** In the database's recycle bin. */
  recycled: boolean
}>

export type KdbxOutcome =
  | Readonly<{ ok: true; entries: readonly KdbxEntry[]; version: number }>
  | Readonly<{ ok: false; kind: 'wrong-key' | 'damaged' | 'unsupported' | 'too-costly'; message: string }>

export type TaskValue<T extends WorkerTask> = T extends Argon2Task
  ? Uint8Array
  : T extends SecretstreamTask
    ? Readonly<{ message: Uint8Array; tag: number }> | null
    : T extends ImportTask
      ? Result<ImportResult, ImportError>
      : KdbxOutcome

/** Worker → main. `estimate` comes first when the task is expensive: how long it should take, ms. */
export type WorkerReply =
  | Readonly<{ type: 'estimate'; ms: number }>
  | Readonly<{ type: 'done'; value: unknown }>
  | Readonly<{ type: 'failed'; message: string }>

/**
 * Most memory an Argon2 run may take: 1 GiB, libsodium's "sensitive" limit
 * (what Ente Auth asks for). A file asking for more is refused before the run.
 */
export const MAX_ARGON2_MEMORY_KIB = 1024 * 1024

/**
 * Longest key derivation we start, by the estimate: five minutes. The cost
 * is the file's own (whoever made it chose it), so a damaged or hostile file
 * could otherwise ask for days.
 */
export const MAX_KDF_MS = 5 * 60 * 1000
