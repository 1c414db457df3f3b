import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { unpackChecklist } from '../shared/checklist-packing'
import type { CodeFrames, EventName, PackedChecklistView } from '../shared/contract'
import { createMemoryLogger } from './core/log'
import { encodeBase32 } from './otp/base32'
import type { Services } from './services'
import type { SecretStore } from './vault/secret-store'
import { createKeytarSecretStore } from '../../test/helpers/keytar-store'
import { createTestServices, writeLoopbackSettings } from '../../test/helpers/test-services'

/** The composition root's wiring, with the real keychain and files: every service's changes reach the bus. */
describe('createServices: one way for every change to reach the renderer', () => {
  let dir: string
  let services: Services | null = null
  const secrets = createKeytarSecretStore(`SellerGuardServices-${randomBytes(6).toString('hex')}`)

  afterEach(async () => {
    await services?.dispose()
    services = null
    for (const item of await secrets.list()) await secrets.delete(item.id)
    await fs.rm(dir, { recursive: true, force: true })
  })

  async function start(prepare: (dir: string) => Promise<void> = async () => undefined) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-services-'))
    await writeLoopbackSettings(dir)
    await prepare(dir)
    services = await createTestServices({ dataDir: dir, log: createMemoryLogger(), secrets })
    await services.ready
    const events: Array<[EventName, unknown]> = []
    services.bus.subscribe((name, payload) => events.push([name, payload]))
    return { services, events }
  }

  /** A data folder and keychain with `n` accounts, written by services that are then disposed: the next start loads them. */
  async function seedAccounts(n: number): Promise<void> {
    const { services: first } = await start()
    for (let i = 0; i < n; i++) expect((await first.dispatch('accounts.add', { text: encodeBase32(randomBytes(20)), issuer: `Shop ${i}` })).ok).toBe(true)
    await first.dispose()
    services = null
  }

  it('recovering a damaged checklist tells the renderer, so its banner goes away', async () => {
    const { services, events } = await start((d) => fs.writeFile(path.join(d, 'checklist.json'), 'garbage'))
    const before = (await services.dispatch('checklist.get', undefined)) as { value: PackedChecklistView }
    expect(before.value.problem).not.toBeNull()
    const beforeRecover = events.length
    expect(await services.dispatch('checklist.recover', { use: 'fresh' })).toMatchObject({ ok: true, value: { problem: null } })
    // The renderer hears that it changed (contract: ChecklistChanged), and the view it then asks for has no problem.
    await vi.waitFor(() => expect(events.slice(beforeRecover).some(([name]) => name === 'checklist.changed')).toBe(true))
    expect(await services.dispatch('checklist.get', undefined)).toMatchObject({ ok: true, value: { problem: null } })
    expect((await fs.readdir(dir)).some((n) => n.startsWith('checklist.json.damaged-'))).toBe(true)
  })

  it('a settings change, an added account and a tick each reach the bus from their service', async () => {
    const { services, events } = await start()
    await services.dispatch('settings.update', { theme: 'dark' })
    const added = await services.dispatch('accounts.add', { text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' })
    expect(added.ok).toBe(true)
    const id = (added as { value: { id: string } }).value.id
    await services.dispatch('checklist.setItem', { accountId: id, itemId: 'bank-review', done: true })
    await vi.waitFor(() => expect(events.some(([name]) => name === 'codes.frames')).toBe(true))
    const names = new Set(events.map(([name]) => name))
    for (const name of ['settings.changed', 'accounts.changed', 'checklist.changed', 'codes.frames'] as const) expect(names).toContain(name)
    // The tray follows the account in main; its menu is not pushed to windows, which never show it.
    expect(names).not.toContain('tray.menu')
    expect(await services.dispatch('tray.menu', undefined)).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ kind: 'copy', accountId: id })]) } })
    // The checklist's event says when, not what: the renderer asks for the view where it shows it.
    for (const [name, payload] of events) if (name === 'checklist.changed') expect(payload).toEqual({ evaluatedAt: expect.any(Number) })
  })

  it('a backup counts per account, and a 1-character password is refused in main, not only in the renderer', async () => {
    const { services } = await start()
    const add = (issuer: string) => services.dispatch('accounts.add', { text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer })
    expect((await add('Amazon Seller Central')).ok).toBe(true)
    const backupItem = async () => unpackChecklist(((await services.dispatch('checklist.get', undefined)) as { value: PackedChecklistView }).value).computer.items.find((i) => i.id === 'recent-backup')
    expect(await services.dispatch('transfer.exportBackup', { password: 'x' })).toMatchObject({ ok: false, error: { kind: 'invalid-request', message: expect.stringMatching(/at least 8 characters/) } })
    expect((await backupItem())?.status).toBe('failing')
    expect((await services.dispatch('transfer.exportBackup', { password: 'correct horse battery' })).ok).toBe(true)
    expect((await backupItem())?.status).toBe('verified')
    expect((await add('KDP')).ok).toBe(true)
    expect(await backupItem()).toMatchObject({ status: 'failing', finding: expect.stringContaining('“KDP”') })
  })

  it('at start-up the keychain is listed for orphans only once the first codes are out', async () => {
    // More accounts than one slice of frames (core/slices.ts): their codes take more than one turn to compute.
    const n = 30
    await seedAccounts(n)
    const order: string[] = []
    const watched: SecretStore = { ...secrets, list: () => (order.push('list'), secrets.list()) }
    services = await createTestServices({ dataDir: dir, log: createMemoryLogger(), secrets: watched })
    services.bus.subscribe((name, payload) => name === 'codes.frames' && (payload as CodeFrames).frames.length === n && !order.includes('codes') && order.push('codes'))
    await services.ready
    expect(order).toEqual(['codes', 'list'])
    expect(services.vault.status()).toMatchObject({ state: 'ready', loaded: n, orphanSecrets: [] })
  })

  it('at start-up the tray, the checklist and the orphan check wait for the first codes and the quiet time after them (startQuietMs)', async () => {
    const n = 30
    await seedAccounts(n)
    const quietMs = 400
    const order: string[] = []
    const watched: SecretStore = { ...secrets, list: () => (order.push('list'), secrets.list()) }
    services = await createTestServices({ dataDir: dir, log: createMemoryLogger(), secrets: watched, startQuietMs: quietMs })
    const tray = services.tray
    const refresh = tray.refresh.bind(tray)
    tray.refresh = () => (order.push('tray'), refresh())
    // Halfway through the quiet time (this timer is set before the one that ends it, so it fires first however busy the machine).
    let halfway: string[] | null = null
    services.bus.subscribe((name, payload) => {
      if (name === 'checklist.changed') order.push('checklist')
      if (name !== 'codes.frames' || (payload as CodeFrames).frames.length !== n || order.includes('codes')) return
      order.push('codes')
      setTimeout(() => (halfway = [...order]), quietMs / 2)
    })
    await services.ready
    expect(halfway).toEqual(['codes'])
    // Then they ran (each held one once, however often the starting services asked: core/hold.test.ts).
    expect(order[0]).toBe('codes')
    expect(order).toContain('tray')
    expect(order).toContain('list')
    await vi.waitFor(() => expect(order).toContain('checklist'))
    expect(services.vault.status()).toMatchObject({ state: 'ready', loaded: n, orphanSecrets: [] })
    // The menu has every account to copy (30: in a submenu).
    expect(JSON.stringify(await services.dispatch('tray.menu', undefined)).match(/"kind":"copy"/g)).toHaveLength(n)
  })

  it('with no account there are no codes to wait for: the held start-up work runs once the keychain has answered', async () => {
    await seedAccounts(0)
    const order: string[] = []
    services = await createTestServices({ dataDir: dir, log: createMemoryLogger(), secrets, startQuietMs: 0 })
    services.bus.subscribe((name) => name === 'checklist.changed' && order.push('checklist'))
    await services.ready
    expect(services.vault.status()).toMatchObject({ state: 'ready', loaded: 0, total: 0 })
    await vi.waitFor(() => expect(order).toContain('checklist'))
  })

  it('keys alone (the app lock drops them) do not rebuild the tray menu, which shows none; the codes still go', async () => {
    const { services, events } = await start()
    expect((await services.dispatch('accounts.add', { text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Amazon Seller Central' })).ok).toBe(true)
    const refresh = vi.spyOn(services.tray, 'refresh')
    services.vault.forgetSecrets()
    expect(refresh).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(events.some(([name, frames]) => name === 'codes.frames' && (frames as CodeFrames).frames.length === 0)).toBe(true))
    // A change the menu does show still rebuilds it.
    await services.dispatch('accounts.add', { text: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ', issuer: 'KDP' })
    expect(refresh).toHaveBeenCalled()
  })
})
