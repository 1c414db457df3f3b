import type { Logger } from '../core/log'
import type { KeychainProcess, StartKeychainProcess } from './keychain-process'
import { KeychainFault } from './keychain-fault'
import { isHello, isReply, type KeychainCall } from './keychain-protocol'
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store'

export type KeychainClientOptions = Readonly<{
  start: StartKeychainProcess
  log: Logger
  /** The keychain item name; changeable only so tests and side-by-side profiles keep apart. */
  service?: string
  /** Longest wait for one get, set or delete, ms (includes starting a worker). */
  timeoutMs?: number
  /** Longest wait for listing every item, ms: it reads them all (about 1.3 ms each with gnome-keyring). */
  listTimeoutMs?: number
  /** Delay before the first restart after a failure, doubled for each failure in a row up to `maxBackoffMs`. */
  firstBackoffMs?: number
  maxBackoffMs?: number
  now?: () => number
  /** Asks the OS whether the keychain is locked, outside the worker (Linux: readSecretServiceLocked); becomes `isLocked`. */
  lockState?: () => Promise<boolean | null>
}>

export interface KeychainClient extends SecretStore {
  /** Workers started so far (1 + restarts). */
  readonly started: number
  /** Ends the worker; calls after this fail. */
  close(): void
}

type Worker = { proc: KeychainProcess; ready: Promise<void>; timedOut: boolean }
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout; worker: Worker | null }

/**
 * A SecretStore whose every call runs in the keychain worker process
 * (keychain-worker.ts), each with a timeout. A worker that crashes or does
 * not answer in time is killed; the calls in it fail with a KeychainFault,
 * and the next call starts a new worker after a backoff (so a keychain that
 * crashes at once is not hammered). Nothing in this process ever waits on
 * the keychain beyond a call's timeout.
 */
export function createKeychainClient(options: KeychainClientOptions): KeychainClient {
  const service = options.service ?? KEYCHAIN_SERVICE
  const timeoutMs = options.timeoutMs ?? 10_000
  const listTimeoutMs = options.listTimeoutMs ?? 60_000
  const firstBackoffMs = options.firstBackoffMs ?? 250
  const maxBackoffMs = options.maxBackoffMs ?? 8_000
  const now = options.now ?? Date.now
  const { log } = options
  const pending = new Map<number, Pending>()
  let worker: Worker | null = null
  let started = 0
  let failuresInRow = 0
  let notBefore = 0
  let lastId = 0
  let closed = false

  function startWorker(): Worker {
    started++
    const proc = options.start()
    let hello: () => void = () => undefined
    const w: Worker = { proc, timedOut: false, ready: new Promise<void>((resolve) => (hello = resolve)) }
    proc.onMessage((message) => {
      if (isHello(message)) return hello()
      if (!isReply(message)) return
      const entry = pending.get(message.id)
      if (!entry || entry.worker !== w) return
      settle(message.id)
      failuresInRow = 0
      if (message.ok) return entry.resolve(message.value)
      entry.reject(new Error(message.message))
      // The keyring daemon was restarted: libsecret keeps its dead session for the life of the
      // process, so a new worker (a new session) is the only way back.
      if (/session .*does not exist/i.test(message.message)) w.proc.kill()
    })
    proc.onExit((how) => {
      if (worker === w) worker = null
      if (closed) return
      failuresInRow++
      const backoff = Math.min(maxBackoffMs, firstBackoffMs * 2 ** (failuresInRow - 1))
      notBefore = now() + backoff
      const fault = w.timedOut
        ? new KeychainFault('not-answering', 'The keychain did not answer in time.')
        : new KeychainFault('crashed', `The keychain process stopped (${how}).`)
      log.warn(`keychain worker ${w.timedOut ? 'did not answer and was stopped' : how}; the next call starts a new one in ${backoff} ms`)
      for (const [id, entry] of pending) {
        if (entry.worker !== w) continue
        settle(id)
        entry.reject(fault)
      }
      hello()
    })
    return w
  }

  function settle(id: number): void {
    const entry = pending.get(id)
    if (!entry) return
    clearTimeout(entry.timer)
    pending.delete(id)
  }

  function timedOut(id: number): void {
    const entry = pending.get(id)
    if (!entry) return
    if (entry.worker && entry.worker === worker) {
      // Stuck in the keychain: only killing the process frees it. Its exit fails this call and every other in it.
      entry.worker.timedOut = true
      entry.worker.proc.kill()
      return
    }
    settle(id)
    entry.reject(new KeychainFault('not-answering', 'The keychain did not answer in time (its process is restarting).'))
  }

  async function send(id: number, call: KeychainCall): Promise<void> {
    const wait = notBefore - now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const entry = pending.get(id)
    if (!entry || closed) return
    const w = worker ?? (worker = startWorker())
    entry.worker = w
    await w.ready
    if (pending.get(id) === entry && worker === w) w.proc.send({ id, ...call })
  }

  function call(keychainCall: KeychainCall, limitMs: number): Promise<unknown> {
    if (closed) return Promise.reject(new Error('The keychain connection is closed.'))
    const id = ++lastId
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, worker: null, timer: setTimeout(() => timedOut(id), limitMs) })
      void send(id, keychainCall)
    })
  }

  return {
    get started() {
      return started
    },
    get: async (account) => {
      const value = await call({ op: 'get', service, account }, timeoutMs)
      return typeof value === 'string' ? value : null
    },
    set: async (account, secret) => {
      await call({ op: 'set', service, account, secret }, timeoutMs)
    },
    delete: async (account) => (await call({ op: 'delete', service, account }, timeoutMs)) === true,
    list: async () => {
      const value = await call({ op: 'list', service }, listTimeoutMs)
      if (!Array.isArray(value)) throw new Error('The keychain process sent a list that is not a list.')
      return value as Array<{ id: string; secret: string }>
    },
    ...(options.lockState ? { isLocked: options.lockState } : {}),
    close() {
      closed = true
      worker?.proc.kill()
      worker = null
      for (const [id, entry] of pending) {
        settle(id)
        entry.reject(new Error('The keychain connection is closed.'))
      }
    },
  }
}

/** `SELLERGUARD_KEYCHAIN_TIMEOUT_MS`: a shorter call timeout for fault tests of web mode. */
export function keychainTimeouts(env: NodeJS.ProcessEnv): Pick<KeychainClientOptions, 'timeoutMs'> {
  const ms = Number(env.SELLERGUARD_KEYCHAIN_TIMEOUT_MS)
  return Number.isInteger(ms) && ms > 0 ? { timeoutMs: ms } : {}
}
