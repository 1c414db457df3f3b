/**
 * The messages between the main process and the keychain worker
 * (keychain-worker.ts). Both ends are SellerGuard's own trusted code; the
 * worker exists only so that a keychain that crashes or hangs takes down a
 * process that can be killed and started again, never the app.
 */

/** One keychain call. `service` is the keychain item name (SellerGuard's, or a test's own). */
export type KeychainCall =
  | Readonly<{ op: 'get'; service: string; account: string }>
  | Readonly<{ op: 'set'; service: string; account: string; secret: string }>
  | Readonly<{ op: 'delete'; service: string; account: string }>
  | Readonly<{ op: 'list'; service: string }>

export type KeychainRequest = KeychainCall & Readonly<{ id: number }>

export type KeychainReply =
  | Readonly<{ id: number; ok: true; value: unknown }>
  | Readonly<{ id: number; ok: false; message: string }>

/** The worker's first message: it loaded keytar (or says why it could not). */
export type KeychainHello = Readonly<{ hello: 'ready' }> | Readonly<{ hello: 'broken'; message: string }>

export type KeychainWorkerMessage = KeychainReply | KeychainHello

export function isHello(message: unknown): message is KeychainHello {
  return typeof message === 'object' && message !== null && 'hello' in message
}

export function isReply(message: unknown): message is KeychainReply {
  return typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'number' && typeof (message as { ok?: unknown }).ok === 'boolean'
}
