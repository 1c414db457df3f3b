import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Why `secret-tool` cannot be used here, or null when it can (package libsecret-tools). */
export async function secretToolMissing(): Promise<string | null> {
  try {
    await run('secret-tool', [])
  } catch (e) {
    // Without arguments it prints its usage and exits 2; only a missing program is a reason not to run.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'secret-tool is not installed (apt-get install libsecret-tools; scripts/install-system-deps.sh does)'
  }
  return null
}

/**
 * Every item of a keychain service as the Secret Service itself hands it to
 * any program of this user (`secret-tool search --all service NAME`), not
 * through SellerGuard or keytar: account name → stored secret.
 */
export async function readKeychainDirectly(service: string): Promise<Map<string, string>> {
  const { stdout } = await run('secret-tool', ['search', '--all', 'service', service], { maxBuffer: 64 * 1024 * 1024 })
  const items = new Map<string, string>()
  for (const block of stdout.split(/^\[/m).slice(1)) {
    const secret = /^secret = (.*)$/m.exec(block)?.[1]
    // keytar labels each item "<service>/<account>" (secret-tool prints the attributes themselves on stderr).
    const label = /^label = (.*)$/m.exec(block)?.[1]
    const account = label?.startsWith(`${service}/`) ? label.slice(service.length + 1) : undefined
    if (account !== undefined && secret !== undefined) items.set(account, secret)
  }
  return items
}
