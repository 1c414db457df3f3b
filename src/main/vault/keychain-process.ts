import { fork } from 'node:child_process'

/**
 * A running keychain worker, as the client sees it. Implemented over
 * child_process.fork (web mode, tests; below) and over Electron's
 * utilityProcess (src/main/electron/keychain-process.ts), which still works
 * with the RunAsNode fuse off.
 */
export type KeychainProcess = Readonly<{
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the process is gone, with how it ended ("killed by SIGSEGV", "exited with code 1"). */
  onExit(listener: (how: string) => void): void
  /** Ends it at once (SIGKILL where the OS has it): a worker stuck in the keychain cannot be asked to stop. */
  kill(): void
}>

export type StartKeychainProcess = () => KeychainProcess

/**
 * The worker's environment: this process's, less what only costs the worker
 * time. NODE_EXTRA_CA_CERTS (set on many corporate machines, and on this
 * project's build hosts) makes every Node process read and parse that
 * certificate file as it starts, ~60 ms of CPU here, during the start-up
 * the first codes wait for; the worker talks to the keychain over D-Bus and
 * never opens a TLS connection. This process keeps it (the clock's HTTPS
 * check may need a proxy's certificate).
 */
export function keychainWorkerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _unused, ...rest } = env
  return rest
}

/** Starts the built worker (out/main/keychain-worker.js) as a forked Node child. */
export function forkKeychainProcess(entry: string): StartKeychainProcess {
  return () => {
    const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json', env: keychainWorkerEnv() })
    // A failed send (the worker died between two messages) shows up as its exit.
    child.on('error', () => undefined)
    // An idle worker does not keep this process alive; a call in flight does (its timeout timer).
    child.unref()
    child.channel?.unref()
    return {
      send: (message) => {
        if (child.connected) child.send(message as object, (error) => void error)
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code, signal) => listener(signal ? `killed by ${signal}` : `exited with code ${code}`)),
      kill: () => void child.kill('SIGKILL'),
    }
  }
}

/**
 * Starts one worker now, before anything asks for it, and hands it to the
 * first `start()`; later starts (restarts) start new ones. Web mode calls
 * this first thing, so the worker's own start-up (Node, keytar, the D-Bus
 * session: ~150 ms here) overlaps the loading of the services instead of
 * following it. What the worker says before the client listens (its hello,
 * or its exit) is kept and told to the client when it does.
 */
export function startEarly(start: StartKeychainProcess): StartKeychainProcess {
  let early: KeychainProcess | null = held(start())
  return () => {
    const proc = early ?? start()
    early = null
    return proc
  }
}

/** A process whose messages and exit wait for their first listener. */
function held(proc: KeychainProcess): KeychainProcess {
  const messages: unknown[] = []
  const messageListeners: Array<(message: unknown) => void> = []
  const exitListeners: Array<(how: string) => void> = []
  let exited: string | null = null
  proc.onMessage((message) => (messageListeners.length === 0 ? void messages.push(message) : messageListeners.forEach((l) => l(message))))
  proc.onExit((how) => ((exited = how), exitListeners.forEach((l) => l(how))))
  return {
    send: (message) => proc.send(message),
    kill: () => proc.kill(),
    onMessage(listener) {
      messageListeners.push(listener)
      for (const message of messages.splice(0)) listener(message)
    },
    onExit(listener) {
      // As a live exit would: after the caller has finished taking the process in hand.
      const how = exited
      if (how !== null) return queueMicrotask(() => listener(how))
      exitListeners.push(listener)
    },
  }
}
