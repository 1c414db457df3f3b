/**
 * The keychain worker: the only process that calls keytar. Built to its own
 * file (out/main/keychain-worker.js) and started by the app as an Electron
 * utility process, or by web mode and tests with child_process.fork.
 *
 * Why a process of its own (measured with gnome-keyring 42, libsecret 0.20.5,
 * keytar 7.9.0): findCredentials on a collection locked while it runs
 * dereferences NULL (SIGSEGV), and getPassword during a lock can hang every
 * libuv threadpool thread in secret_password_lookup_sync, after which no file
 * I/O runs in that process. Neither can be caught in-process; here the app
 * kills this process and starts another (keychain-client.ts).
 *
 * A list runs alone: findCredentials reads every item after finding them, so
 * a delete in between failed the whole list ("No such secret item", measured:
 * every round of 100 deletes beside a list), and an item without a value is
 * the NULL keytar dereferences. Gets, sets and deletes still overlap.
 */
import type keytarModule from 'keytar'
import type { KeychainCall, KeychainReply, KeychainRequest, KeychainWorkerMessage } from './keychain-protocol'

type Keytar = typeof keytarModule

/** Electron's utility process has `process.parentPort`; a forked Node child has `process.send`. */
type ParentPort = Readonly<{ on(event: 'message', listener: (event: { data: unknown }) => void): void; postMessage(message: unknown): void }>
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort

function post(message: KeychainWorkerMessage): void {
  if (parentPort) parentPort.postMessage(message)
  else process.send?.(message)
}

function onRequest(listener: (request: KeychainRequest) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as KeychainRequest))
  else process.on('message', (message) => listener(message as KeychainRequest))
}

async function run(keytar: Keytar, call: KeychainCall): Promise<unknown> {
  switch (call.op) {
    case 'get':
      return keytar.getPassword(call.service, call.account)
    case 'set':
      return keytar.setPassword(call.service, call.account, call.secret)
    case 'delete':
      return keytar.deletePassword(call.service, call.account)
    case 'list':
      return (await keytar.findCredentials(call.service)).map(({ account, password }) => ({ id: account, secret: password }))
  }
}

const settled = (p: Promise<unknown>): Promise<void> => p.then(
  () => undefined,
  () => undefined,
)

/**
 * Runs calls as they come, except that an exclusive one (a list) waits for
 * those running to end, and the calls after it wait for it.
 */
function createTurns(): <T>(exclusive: boolean, fn: () => Promise<T>) => Promise<T> {
  let running = new Set<Promise<unknown>>()
  let barrier: Promise<unknown> = Promise.resolve()
  return (exclusive, fn) => {
    if (exclusive) {
      const mine = Promise.all([...running, barrier].map(settled)).then(fn)
      running = new Set()
      barrier = mine
      return mine
    }
    const mine = settled(barrier).then(fn)
    const own = running
    own.add(mine)
    void settled(mine).then(() => own.delete(mine))
    return mine
  }
}

async function main(): Promise<void> {
  let keytar: Keytar
  try {
    keytar = (await import('keytar')).default
  } catch (e) {
    // No libsecret, or a broken build: every call says so, and the app shows "unavailable" with this reason.
    const message = `the keychain library could not be loaded: ${e instanceof Error ? e.message : String(e)}`
    onRequest((request) => post({ id: request.id, ok: false, message }))
    post({ hello: 'broken', message })
    return
  }
  const turns = createTurns()
  onRequest((request) => {
    turns(request.op === 'list', () => run(keytar, request)).then(
      (value): void => post({ id: request.id, ok: true, value: value ?? null } satisfies KeychainReply),
      (e: unknown): void => post({ id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) }),
    )
  })
  // A forked worker whose parent is gone has nothing to do: leave, even if keytar's threads are stuck.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))
  post({ hello: 'ready' })
}

void main()
