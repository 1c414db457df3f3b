import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { workerCrypto } from '../../../../test/helpers/transfer-worker'
import type { WorkProgress } from '../crypto-work'

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/import/keepass')
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)))

describe('transfer worker thread', () => {
  it('opens a KeePassXC database off the main thread: timers keep running and progress is reported', async () => {
    const work = await workerCrypto()
    const progress: WorkProgress[] = []
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    const outcome = await work.run({ kind: 'kdbx', file: fixture('kdbx4-argon2id-chacha20.kdbx'), password: 'test', keyFile: null }, { onProgress: (p) => progress.push(p) })
    clearInterval(ticker)
    expect(outcome).toMatchObject({ ok: true, version: 4 })
    expect(ticks).toBeGreaterThan(0)
    expect(progress[0]?.estimateMs).toBeGreaterThan(0)
    expect(progress.at(-1)?.fraction).toBe(1)
  })

  it('Argon2id and Argon2d agree with the reference implementation (P-H-C/phc-winner-argon2 src/test.c vectors; Debian argon2 1.0)', async () => {
    const work = await workerCrypto()
    const run = (variant: 'argon2id' | 'argon2d', parallelism: number) =>
      work.run({ kind: 'argon2', variant, password: new TextEncoder().encode('password'), salt: new TextEncoder().encode('somesalt'), iterations: 2, memoryKiB: 65536, parallelism, length: 32 })
    // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -r   (and -d … -p 2)
    expect(Buffer.from(await run('argon2id', 1)).toString('hex')).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7')
    expect(Buffer.from(await run('argon2d', 2)).toString('hex')).toBe('071c191cf02ceb504702733c109bf36159d868fb6564b6a99d4b893cc86ed44c')
  })

  it('aborting ends the worker and rejects', async () => {
    const work = await workerCrypto()
    const controller = new AbortController()
    const run = work.run({ kind: 'argon2', variant: 'argon2id', password: new Uint8Array(4), salt: new Uint8Array(16), iterations: 50, memoryKiB: 64 * 1024, parallelism: 1, length: 32 }, { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    await expect(run).rejects.toThrow(/abort/i)
  })

  describe('one thread kept for the next task', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `otpauth://totp/Shop%20${i}:me?secret=JBSWY3DPEHPK3PXP&issuer=Shop%20${i}`).join('\n')
    const importTask = (n: number) => ({ kind: 'import' as const, file: links(n), password: null, keyFile: null })
    const accountsOf = (value: unknown) => (value as { ok: boolean; value: { accounts: unknown[] } }).value.accounts.length

    it('plain files, one after another, are read on the same thread: one start, not one per file', async () => {
      const work = await workerCrypto()
      expect(accountsOf(await work.run(importTask(3)))).toBe(3)
      expect(accountsOf(await work.run(importTask(1000)))).toBe(1000)
      expect(accountsOf(await work.run(importTask(2)))).toBe(2)
      expect(work.started()).toBe(1)
      work.close()
    })

    it('a thread that derived a key is ended (its memory returns to the OS); the next task starts another', async () => {
      const work = await workerCrypto()
      expect(accountsOf(await work.run(importTask(1)))).toBe(1)
      const outcome = await work.run({ kind: 'kdbx', file: fixture('kdbx4-argon2id-chacha20.kdbx'), password: 'test', keyFile: null })
      expect(outcome).toMatchObject({ ok: true })
      expect(work.started()).toBe(1)
      expect(accountsOf(await work.run(importTask(1)))).toBe(1)
      expect(work.started()).toBe(2)
      work.close()
    })

    it('is ended after being idle, and on close; an aborted or failed task ends its thread', async () => {
      const work = await workerCrypto(50)
      await work.run(importTask(1))
      await new Promise((resolve) => setTimeout(resolve, 200))
      await work.run(importTask(1))
      expect(work.started()).toBe(2)
      work.close()
      await work.run(importTask(1))
      expect(work.started()).toBe(3)
      const controller = new AbortController()
      const aborted = work.run(importTask(1000), { signal: controller.signal })
      controller.abort()
      await expect(aborted).rejects.toThrow(/abort/i)
      await expect(work.run({ kind: 'unknown' } as never)).rejects.toThrow(/unknown task/)
      expect(work.started()).toBe(4)
      await work.run(importTask(1))
      expect(work.started()).toBe(5)
      work.close()
    })

    it('prepare starts the thread ahead of the first file, which then runs on it; prepared again, nothing more starts', async () => {
      const work = await workerCrypto()
      expect(work.prepare()).toBe(true)
      expect(work.prepare()).toBe(false)
      expect(accountsOf(await work.run(importTask(3)))).toBe(3)
      expect(work.started()).toBe(1)
      // A prepared thread is kept like any other: idle, it ends; prepared then, a new one starts.
      work.close()
      expect(work.prepare()).toBe(true)
      expect(accountsOf(await work.run(importTask(2)))).toBe(2)
      expect(work.started()).toBe(2)
      work.close()
    })

    it('tasks at the same time each get a thread; one is kept after', async () => {
      const work = await workerCrypto()
      const counts = await Promise.all([work.run(importTask(500)), work.run(importTask(4))])
      expect(counts.map(accountsOf)).toEqual([500, 4])
      expect(work.started()).toBe(2)
      await work.run(importTask(1))
      expect(work.started()).toBe(2)
      work.close()
    })
  })
})
