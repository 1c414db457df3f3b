import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { keychainWorkerEntry } from '../../../test/helpers/keychain-worker'
import { createMemoryLogger } from '../core/log'
import { createKeychainClient, type KeychainClient } from './keychain-client'
import { KeychainFault } from './keychain-fault'
import { forkKeychainProcess, startEarly, type StartKeychainProcess } from './keychain-process'

/** A stand-in worker (a real process) that misbehaves on purpose: stays silent, or dies of a real SIGSEGV. */
function misbehavingWorker(behaviour: 'silent' | 'segfault-on-list'): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-bad-worker-')), 'worker.js')
  writeFileSync(
    file,
    `process.send({ hello: 'ready' })
process.on('message', (request) => {
  if (${JSON.stringify(behaviour)} === 'silent') return
  if (request.op === 'list') process.kill(process.pid, 'SIGSEGV')
  else process.send({ id: request.id, ok: true, value: null })
})
`,
  )
  return file
}

/** A stand-in worker (a real process) that says hello, then leaves a mark; with `exit`, exits with that code right after. */
function markingWorker(mark: string, exit: number | null): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-early-worker-')), 'worker.js')
  writeFileSync(
    file,
    `const { writeFileSync } = require('node:fs')
process.send({ hello: 'ready' }, () => {
  writeFileSync(${JSON.stringify(mark)}, '')
  if (${exit} !== null) process.exit(${exit})
})
process.on('message', (request) => process.send({ id: request.id, ok: true, value: 'from ' + process.pid }))
`,
  )
  return file
}

describe('keychain client (calls in a worker process)', () => {
  const clients: KeychainClient[] = []
  const open = (entry: string, options: Partial<Parameters<typeof createKeychainClient>[0]> = {}) => {
    const client = createKeychainClient({ start: forkKeychainProcess(entry), log: createMemoryLogger(), service: `SellerGuardTest-${randomBytes(6).toString('hex')}`, ...options })
    clients.push(client)
    return client
  }
  afterAll(() => clients.forEach((c) => c.close()))

  it('stores, reads, lists and deletes through the real worker and gnome-keyring', async () => {
    const client = open(await keychainWorkerEntry())
    await client.set('acc_1', 'JBSWY3DPEHPK3PXP')
    expect(await client.get('acc_1')).toBe('JBSWY3DPEHPK3PXP')
    expect(await client.get('acc_none')).toBeNull()
    expect(await client.list()).toEqual([{ id: 'acc_1', secret: 'JBSWY3DPEHPK3PXP' }])
    expect(await client.delete('acc_1')).toBe(true)
    expect(await client.delete('acc_1')).toBe(false)
    expect(client.started).toBe(1)
  })

  it('a list beside deletes lists what is there, never fails (gnome-keyring said "No such secret item")', async () => {
    const client = open(await keychainWorkerEntry())
    for (let round = 0; round < 2; round++) {
      const ids = Array.from({ length: 60 }, (_, i) => `acc_r${round}_${i}`)
      for (const id of ids) await client.set(id, 'JBSWY3DPEHPK3PXP')
      const [before, ...rest] = await Promise.all([client.list(), ...ids.map((id) => client.delete(id)), client.list()])
      const after = rest.at(-1) as Awaited<ReturnType<KeychainClient['list']>>
      // Each list sees the items as they were at its turn: all of them before the deletes, none after.
      expect(before.map((item) => item.id).sort()).toEqual([...ids].sort())
      expect(after).toEqual([])
    }
    expect(client.started).toBe(1)
  })

  it('a worker that does not answer is killed at the timeout; the next call gets a new worker', async () => {
    const client = open(misbehavingWorker('silent'), { timeoutMs: 300, firstBackoffMs: 50 })
    const started = Date.now()
    const calls = [client.get('a'), client.set('b', 'x'), client.delete('c')]
    for (const call of calls) await expect(call).rejects.toMatchObject({ name: 'KeychainFault', kind: 'not-answering' })
    // All three were in the one stuck worker: they end together, at the timeout, not one after another.
    expect(Date.now() - started).toBeLessThan(300 + 1_000)
    await expect(client.get('d')).rejects.toBeInstanceOf(KeychainFault)
    expect(client.started).toBe(2)
  })

  it('a worker that crashes fails only the calls in it, with the signal; the next call restarts it after a backoff', async () => {
    const client = open(misbehavingWorker('segfault-on-list'), { timeoutMs: 2_000, firstBackoffMs: 200 })
    expect(await client.get('a')).toBeNull()
    await expect(client.list()).rejects.toMatchObject({ kind: 'crashed', message: expect.stringMatching(/SIGSEGV/) })
    const restartedAt = Date.now()
    expect(await client.get('a')).toBeNull()
    expect(Date.now() - restartedAt).toBeGreaterThanOrEqual(150)
    expect(client.started).toBe(2)
  })

  it('a keychain library that cannot load says so on every call, without a crash loop', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-no-keytar-')), 'keychain-worker.js')
    // The real worker, where keytar cannot be resolved (a broken install).
    writeFileSync(file, (await import('node:fs')).readFileSync(await keychainWorkerEntry(), 'utf8'))
    const client = open(file)
    await expect(client.get('a')).rejects.toThrow(/keychain library could not be loaded/)
    await expect(client.set('a', 'b')).rejects.toThrow(/keychain library could not be loaded/)
    expect(client.started).toBe(1)
  })

  it('after close, calls fail at once', async () => {
    const client = open(await keychainWorkerEntry())
    client.close()
    await expect(client.get('a')).rejects.toThrow(/closed/)
  })

  it('starts the worker without NODE_EXTRA_CA_CERTS (it never uses TLS, and Node would read the file as it starts), and with the rest of the environment', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-env-worker-')), 'worker.js')
    writeFileSync(file, `process.send({ hello: 'ready' })
process.on('message', (request) => process.send({ id: request.id, ok: true, value: JSON.stringify([process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.SG_TEST_KEPT ?? null]) }))
`)
    const before = { ca: process.env.NODE_EXTRA_CA_CERTS, kept: process.env.SG_TEST_KEPT }
    process.env.NODE_EXTRA_CA_CERTS = path.join(os.tmpdir(), 'sg-no-such-ca.pem')
    process.env.SG_TEST_KEPT = 'kept'
    try {
      const client = open(file, { timeoutMs: 5_000 })
      expect(JSON.parse((await client.get('a')) ?? 'null')).toEqual([null, 'kept'])
    } finally {
      for (const [name, value] of [['NODE_EXTRA_CA_CERTS', before.ca], ['SG_TEST_KEPT', before.kept]] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })

  it('takes the worker started early, with the hello it said before anyone listened', async () => {
    const mark = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-early-')), 'hello-sent')
    const fork = forkKeychainProcess(markingWorker(mark, null))
    let forks = 0
    const early = startEarly(() => (forks++, fork()))
    expect(forks).toBe(1)
    await vi.waitFor(() => expect(existsSync(mark)).toBe(true), { timeout: 10_000 })
    const client = open('unused', { start: early, timeoutMs: 5_000 })
    expect(await client.get('a')).toMatch(/^from \d+$/)
    expect(forks).toBe(1)
  })

  it('an early worker that died before the first call fails that call as a crash, and the next call starts another', async () => {
    const mark = path.join(mkdtempSync(path.join(os.tmpdir(), 'sg-early-')), 'hello-sent')
    const dying = forkKeychainProcess(markingWorker(mark, 3))
    const healthy = forkKeychainProcess(markingWorker(`${mark}-2`, null))
    let exited = false
    let forks = 0
    const start: StartKeychainProcess = () => {
      if (forks++ > 0) return healthy()
      const proc = dying()
      proc.onExit(() => (exited = true))
      return proc
    }
    const early = startEarly(start)
    await vi.waitFor(() => expect(exited).toBe(true), { timeout: 10_000 })
    const client = open('unused', { start: early, timeoutMs: 5_000, firstBackoffMs: 50 })
    await expect(client.get('a')).rejects.toMatchObject({ name: 'KeychainFault', kind: 'crashed', message: expect.stringMatching(/exited with code 3/) })
    expect(await client.get('a')).toMatch(/^from \d+$/)
    expect(forks).toBe(2)
  })
})
