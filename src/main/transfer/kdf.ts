import { pbkdf2, scrypt } from 'node:crypto'

/*
 * Password-based key derivation. scrypt is RFC 7914; PBKDF2 is RFC 8018
 * section 5.2. Both run on libuv's thread pool, so the main process stays responsive.
 */

export type ScryptParams = Readonly<{
  /** CPU/memory cost: a power of two. */
  N: number
  /** Block size. */
  r: number
  /** Parallelisation. */
  p: number
}>

/** Memory scrypt needs for these parameters, in bytes: 128·N·r (RFC 7914 section 6, the V array). */
export function scryptMemory(params: ScryptParams): number {
  return 128 * params.N * params.r
}

/** Whether N is a power of two above 1 and r, p are positive integers: what scrypt itself requires. */
export function isValidScrypt(params: ScryptParams): boolean {
  const { N, r, p } = params
  const integers = [N, r, p].every((value) => Number.isSafeInteger(value) && value > 0)
  return integers && N > 1 && (N & (N - 1)) === 0 && N <= 2 ** 30
}

/**
 * Derives a 32-byte key. The caller checks the parameters first (each file
 * format has its own bounds); this only refuses what scrypt itself cannot run.
 * Node's default `maxmem` (32 MiB) is too small even for Aegis's N = 2^15,
 * r = 8 (exactly 32 MiB plus scrypt's small B buffer), so it is set from the
 * parameters: 128·N·r for V plus 128·r·p for B, plus slack. A string password
 * is UTF-8 encoded; bytes are used as given.
 */
export function deriveScrypt(password: string | Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array | null> {
  if (!isValidScrypt(params)) return Promise.resolve(null)
  const maxmem = scryptMemory(params) + 128 * params.r * params.p + 16 * 1024 * 1024
  const bytes = typeof password === 'string' ? Buffer.from(password, 'utf8') : password
  return new Promise((resolve) => {
    try {
      scrypt(bytes, salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
        resolve(error ? null : new Uint8Array(key))
      })
    } catch {
      // Node throws synchronously for parameters OpenSSL refuses.
      resolve(null)
    }
  })
}

/** PBKDF2-HMAC to a 32-byte key; SHA-256 unless another digest is named (andOTP and Authenticator Pro use SHA-1). */
export function derivePbkdf2(password: string, salt: Uint8Array, iterations: number, digest: 'sha1' | 'sha256' = 'sha256'): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    try {
      pbkdf2(Buffer.from(password, 'utf8'), salt, iterations, 32, digest, (error, key) => {
        resolve(error ? null : new Uint8Array(key))
      })
    } catch {
      resolve(null)
    }
  })
}
