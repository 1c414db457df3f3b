/**
 * App lock benchmark: unlock to first code at 50 and 1,000 accounts, over
 * the real gnome-keyring through the built keychain worker, with the
 * production scrypt cost (N = 2^17, r = 8). Measured: the whole unlock call
 * (scrypt + holding the keys), a wrong password's time (scrypt alone, plus
 * one counter write: the KDF's own cost), and from the unlock's reply to the
 * first code frame and to every account's frame. Also what turning the lock
 * on costs (re-wrapping every item). Prints one JSON document.
 *   node bench/run-ts.mjs bench/lock-bench.ts
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createMemoryLogger } from '../src/main/core/log'
import { encodeBase32 } from '../src/main/otp/base32'
import { createServices } from '../src/main/services'
import { createMemoryClipboard } from '../src/shared/clipboard-guard'
import { defaultSettings, type CodeFrames } from '../src/shared/contract'
import { createKeychainClient } from '../src/main/vault/keychain-client'
import { forkKeychainProcess } from '../src/main/vault/keychain-process'

const ROUNDS = 3
const PASSWORD = 'a long bench password'
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const round1 = (x: number) => Math.round(x * 10) / 10

async function measure(n: number) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `sg-bench-lock-${n}-`))
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
  const service = `SellerGuardBenchLock-${randomBytes(4).toString('hex')}`
  const secrets = createKeychainClient({ start: forkKeychainProcess(path.resolve(process.cwd(), 'out/main/keychain-worker.js')), log: createMemoryLogger(), service })
  const services = await createServices({ dataDir, appVersion: 'bench', platform: 'linux', runtime: 'web', now: Date.now, log: createMemoryLogger(), secrets, clipboard: createMemoryClipboard() })
  await services.ready
  try {
    for (let i = 0; i < n; i++) {
      const added = await services.dispatch('accounts.add', { text: encodeBase32(randomBytes(20)), issuer: `Amazon ${i}`, label: `seller${i}@example.com` })
      if (!added.ok) throw new Error(added.error.message)
    }
    const enableStarted = performance.now()
    const enabled = await services.dispatch('lock.enable', { password: PASSWORD })
    if (!enabled.ok) throw new Error(enabled.error.message)
    const enableMs = performance.now() - enableStarted
    const unlockMs: number[] = []
    const wrongMs: number[] = []
    const firstCodeMs: number[] = []
    const allCodesMs: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await services.lock.lock('user')
      const wrongStarted = performance.now()
      await services.dispatch('lock.unlock', { password: 'not the password' })
      wrongMs.push(performance.now() - wrongStarted)
      let first = 0
      let all = 0
      let started = 0
      const done = new Promise<void>((resolve) => {
        const off = services.bus.subscribe((name, payload) => {
          if (name !== 'codes.frames') return
          const count = (payload as CodeFrames).frames.length
          if (count > 0 && first === 0) first = performance.now()
          if (count >= n) {
            all = performance.now()
            off()
            resolve()
          }
        })
      })
      started = performance.now()
      const reply = await services.dispatch('lock.unlock', { password: PASSWORD })
      if (!reply.ok) throw new Error(reply.error.message)
      const replied = performance.now()
      await done
      unlockMs.push(replied - started)
      firstCodeMs.push(first - replied)
      allCodesMs.push(all - replied)
    }
    return {
      accounts: n,
      enableMs: round1(enableMs),
      unlockCallMsMedian: round1(median(unlockMs)),
      kdfMsMedian: round1(median(wrongMs)),
      firstCodeAfterUnlockMsMedian: round1(median(firstCodeMs)),
      everyCodeAfterUnlockMsMedian: round1(median(allCodesMs)),
      unlockToFirstCodeBeyondKdfMsMedian: round1(median(unlockMs.map((u, i) => u + firstCodeMs[i]! - median(wrongMs)))),
    }
  } finally {
    await services.dispose()
    for (const item of await secrets.list()) await secrets.delete(item.id)
    secrets.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}

const n50 = await measure(50)
process.stderr.write(`lock bench: 50 done\n`)
const n1000 = await measure(1000)
process.stdout.write(`${JSON.stringify({ scrypt: { N: 2 ** 17, r: 8, p: 1 }, rounds: ROUNDS, n50, n1000 }, null, 2)}\n`)
