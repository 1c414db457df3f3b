import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../src/main/core/log'
import { createServices, type Services } from '../src/main/services'
import { createMemoryClipboard } from '../src/shared/clipboard-guard'
import { unpackChecklist } from '../src/shared/checklist-packing'
import type { CodeFrames, LockStatus, MethodName, PackedChecklistView } from '../src/shared/contract'
import { lockFixture, randomSecret, TEST_COST } from './helpers/app-lock'
import { writeLoopbackSettings } from './helpers/test-services'
import { secretSpellings } from './reliability/support'

const PASSWORD = 'correct horse battery'

/**
 * The app lock in the running services (web mode's composition), over the
 * real gnome-keyring: the contract's replies while locked, what the bus
 * carries, the tray, the clipboard, auto-lock from the injected idle
 * source, and a restart that comes up locked.
 */
describe('the app with its lock on', () => {
  let fx: Awaited<ReturnType<typeof lockFixture>>
  let dataDir: string
  let services: Services | null = null
  let idle = 0
  const clipboard = createMemoryClipboard()
  const events: Array<[string, unknown]> = []
  const keys = [randomSecret(), randomSecret(32), randomSecret()]

  async function start(): Promise<Services> {
    const s = await createServices({
      dataDir, appVersion: '0.0.0-test', platform: 'linux', runtime: 'web', now: Date.now, log: createMemoryLogger(), secrets: fx.raw, clipboard,
      clockCheckOptions: { samplesPerServer: 1, sampleSpacingMs: 1, timeoutMs: 200 }, lockCost: TEST_COST, idleSeconds: () => idle,
    })
    s.bus.subscribe((name, payload) => events.push([name, payload]))
    await s.ready
    return (services = s)
  }
  const call = async (method: MethodName, input?: unknown) => (await services!.dispatch(method, input)) as { ok: boolean; value?: unknown; error?: { kind: string } }
  const frames = async () => ((await call('codes.frames')).value as CodeFrames).frames
  async function until(what: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 25))
    expect(await what()).toBe(true)
  }

  beforeEach(async () => {
    fx = await lockFixture()
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-app-lock-'))
    await writeLoopbackSettings(dataDir)
    idle = 0
    events.length = 0
  })
  afterEach(async () => {
    await services?.dispose()
    services = null
    await fx.cleanup()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('locks on idle: replies `locked`, pushes no code, clears the copied code, tray offers only Unlock; a restart comes up locked', async () => {
    await start()
    const ids: string[] = []
    for (const [i, key] of keys.entries()) {
      const added = await call('accounts.add', { text: key.base32, issuer: 'Amazon', label: `seller${i}@example.com` })
      ids.push((added.value as { id: string }).id)
    }
    await until(async () => (await frames()).length === keys.length)
    // The checklist's evidence follows the lock (lock/lock-evidence.ts through the composition root).
    const checklistItem = async (id: string) => unpackChecklist((await call('checklist.get')).value as PackedChecklistView).computer.items.find((i) => i.id === id)
    expect(await checklistItem('app-lock')).toMatchObject({ status: 'failing', checkedBy: 'sellerguard' })
    expect(await call('lock.enable', { password: PASSWORD })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    await until(async () => (await checklistItem('app-lock'))?.status === 'verified')
    expect(await checklistItem('screen-privacy')).toMatchObject({ status: 'failing' })
    await call('settings.update', { hideCodes: true })
    await until(async () => (await checklistItem('screen-privacy'))?.status === 'verified')
    // The keychain itself now holds ciphertext only.
    const stored = JSON.stringify(await fx.direct.list())
    for (const key of keys) for (const spelling of secretSpellings(key)) expect(stored).not.toContain(spelling)
    expect(await frames()).toHaveLength(keys.length)
    expect(await call('clipboard.copyCode', { id: ids[0] })).toMatchObject({ ok: true })
    const copied = clipboard.text
    expect(copied).toMatch(/^\d{6}$/)

    // Six idle minutes (the default limit is five): the poll's check locks.
    events.length = 0
    idle = 6 * 60
    services!.autoLock.check()
    await until(() => services!.lock.status().state === 'locked')
    expect(services!.lock.status().lockedBy).toBe('idle')
    await until(() => clipboard.text === '')

    for (const [method, input] of [['codes.frames'], ['accounts.list'], ['accounts.reveal', { id: ids[0] }], ['clipboard.copyCode', { id: ids[0] }], ['clock.around', { id: ids[0] }]] as const) {
      expect(await call(method, input)).toMatchObject({ ok: false, error: { kind: 'locked' } })
    }
    expect((await call('tray.menu')).value).toMatchObject({ items: [{ kind: 'action', id: 'unlock', label: 'Unlock SellerGuard…' }] })
    expect((await call('tray.activate', { id: `copy:${ids[0]}` })).value).toMatchObject({ kind: 'not-in-menu' })
    expect(clipboard.text).toBe('')
    // What left main after the lock: no code frame with a code, no code, no secret.
    const wire = JSON.stringify(events)
    expect(wire).not.toContain(copied)
    for (const key of keys) for (const spelling of secretSpellings(key)) expect(wire).not.toContain(spelling)
    for (const [name, payload] of events) if (name === 'codes.frames') expect((payload as CodeFrames).frames).toEqual([])
    expect(events.some(([name, payload]) => name === 'lock.status' && (payload as LockStatus).state === 'locked')).toBe(true)

    // A restart comes up locked; the password opens it and the codes come back.
    await services!.dispose()
    await start()
    expect(services!.lock.status()).toMatchObject({ state: 'locked', lockedBy: 'start' })
    expect(await call('codes.frames')).toMatchObject({ ok: false, error: { kind: 'locked' } })
    expect(await call('lock.unlock', { password: 'not the password' })).toMatchObject({ ok: false, error: { kind: 'wrong-password' } })
    expect(await call('lock.unlock', { password: PASSWORD })).toMatchObject({ ok: true, value: { state: 'unlocked', failures: 0 } })
    await until(async () => (await frames()).length === keys.length)
  }, 60_000)

  it('locks on screen lock and suspend, and when hidden only if asked to', async () => {
    await start()
    await call('accounts.add', { text: keys[0]!.base32, issuer: 'Amazon', label: 'a@example.com' })
    await call('lock.enable', { password: PASSWORD })
    services!.autoLock.systemEvent('hidden')
    expect(services!.lock.status().state).toBe('unlocked')
    services!.autoLock.systemEvent('screen-lock')
    await until(() => services!.lock.status().state === 'locked')
    expect(services!.lock.status().lockedBy).toBe('screen-lock')
    await call('lock.unlock', { password: PASSWORD })
    await call('settings.update', { autoLockWhenHidden: true })
    services!.autoLock.systemEvent('hidden')
    await until(() => services!.lock.status().state === 'locked')
    expect(services!.lock.status().lockedBy).toBe('hidden')
  }, 60_000)

  it('starts over after a forgotten password only with the typed words: sealed secrets go, plain ones and the account list stay', async () => {
    await start()
    const sealed = await call('accounts.add', { text: keys[0]!.base32, issuer: 'Amazon', label: 'a@example.com' })
    await call('lock.enable', { password: PASSWORD })
    await call('lock.lockNow')
    expect(services!.lock.status().state).toBe('locked')
    // A plain item written behind the lock's back (none should be there; if one is, it is not the lock's to delete).
    await fx.direct.set('acc_plain_stray', keys[1]!.base32)

    // Without the exact words the contract refuses, and nothing is deleted.
    for (const confirm of [undefined, '', 'delete', 'DELETE MY SECRETS ']) {
      expect(await call('lock.startOver', confirm === undefined ? {} : { confirm })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
    }
    expect(services!.lock.status().state).toBe('locked')
    const sealedId = (sealed.value as { id: string }).id
    const before = (await fx.direct.list()).map((i) => i.id).sort()
    expect(before).toEqual(expect.arrayContaining(['acc_plain_stray', 'sellerguard-app-lock', sealedId]))

    expect(await call('lock.startOver', { confirm: 'delete my secrets' })).toMatchObject({ ok: true, value: { state: 'off', failures: 0 } })
    const left = await fx.direct.list()
    expect(left.map((i) => i.id).sort()).toEqual(before.filter((id) => id !== 'sellerguard-app-lock' && id !== sealedId))
    expect(left.find((i) => i.id === 'acc_plain_stray')?.secret).toBe(keys[1]!.base32)
    // The account stays, without its secret, for a restore from a backup; the app answers again.
    const accounts = (await call('accounts.list')).value as Array<{ id: string }>
    expect(accounts.map((a) => a.id)).toEqual([sealedId])
    await until(() => services!.vault.status().missingSecrets.length === 1)
    expect(await call('lock.unlock', { password: PASSWORD })).toMatchObject({ ok: false })
    // A restart comes up with the lock off.
    await services!.dispose()
    await start()
    expect(services!.lock.status().state).toBe('off')
  }, 60_000)
})
