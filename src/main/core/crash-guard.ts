import type { Logger } from './log'

/**
 * A timer or event callback that throws would end the process (Node's
 * default for an uncaught exception), taking every open account and socket
 * with it — measured: an EMFILE from os.networkInterfaces() inside a
 * setInterval under a connection flood. The app logs it and carries on;
 * each such callback also guards itself (see `guarded`), this is the net
 * under all of them.
 */
export function installCrashGuard(log: Logger, target: NodeJS.Process = process): () => void {
  const onException = (error: unknown) => log.error('an uncaught error was caught and logged; SellerGuard carries on', error)
  const onRejection = (reason: unknown) => log.error('an unhandled promise rejection was caught and logged; SellerGuard carries on', reason)
  target.on('uncaughtException', onException)
  target.on('unhandledRejection', onRejection)
  return () => {
    target.off('uncaughtException', onException)
    target.off('unhandledRejection', onRejection)
  }
}

/** Wraps a timer or event callback: a throw or a rejected promise is logged, never fatal. */
export function guarded<A extends unknown[]>(log: Logger, what: string, callback: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = callback(...args)
      if (result instanceof Promise) result.catch((e: unknown) => log.error(`${what} failed`, e))
    } catch (e) {
      log.error(`${what} failed`, e)
    }
  }
}
