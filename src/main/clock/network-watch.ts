import os from 'node:os'

/** A fingerprint of the machine's network addresses: it changes when a network comes or goes. */
export function networkFingerprint(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string {
  return Object.entries(interfaces)
    .flatMap(([name, addresses]) => (addresses ?? []).filter((a) => !a.internal).map((a) => `${name}/${a.address}`))
    .sort()
    .join(',')
}

/**
 * Calls `onChange` when the set of network addresses changes (joined Wi-Fi,
 * VPN up, cable out). Plain Node has no event for it, so it polls cheaply.
 */
export function watchNetwork(onChange: () => void, intervalMs = 15_000, read: () => string = networkFingerprint): () => void {
  let last = read()
  const timer = setInterval(() => {
    const next = read()
    if (next !== last) {
      last = next
      onChange()
    }
  }, intervalMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
