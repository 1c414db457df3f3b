import os from 'node:os'
import type { Logger } from '../core/log'

/** A fingerprint of the machine's network addresses: it changes when a network comes or goes. */
export function networkFingerprint(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string {
  return Object.entries(interfaces)
    .flatMap(([name, addresses]) => (addresses ?? []).filter((a) => !a.internal).map((a) => `${name}/${a.address}`))
    .sort()
    .join(',')
}

export type NetworkWatchOptions = Readonly<{
  log: Logger
  intervalMs?: number
  read?: () => string
}>

/**
 * Calls `onChange` when the set of network addresses changes (joined Wi-Fi,
 * VPN up, cable out). Plain Node has no event for it, so it polls cheaply.
 * os.networkInterfaces() throws when the process is out of file descriptors
 * (EMFILE, e.g. under a connection flood): that poll is skipped and logged,
 * and the next one tries again — an uncaught throw here once ended web mode.
 */
export function watchNetwork(onChange: () => void, options: NetworkWatchOptions): () => void {
  const read = options.read ?? (() => networkFingerprint())
  const safeRead = (): string | null => {
    try {
      return read()
    } catch (e) {
      options.log.warn(`could not read the network addresses: ${e instanceof Error ? e.message : String(e)}`)
      return null
    }
  }
  let last = safeRead()
  const timer = setInterval(() => {
    const next = safeRead()
    if (next === null) return
    if (last !== null && next !== last) {
      try {
        onChange()
      } catch (e) {
        options.log.error('network change handler failed', e)
      }
    }
    last = next
  }, options.intervalMs ?? 15_000)
  timer.unref?.()
  return () => clearInterval(timer)
}
