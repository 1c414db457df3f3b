import { randomBytes } from 'node:crypto'
import { mkdtempSync, promises as fs, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as OTPAuth from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unpackChecklist } from '../src/shared/checklist-packing'
import { defaultSettings, type AccountSummary, type CopyResult, type IconImage, type PackedChecklistView, type TrayMenu } from '../src/shared/contract'
import { createMemoryClipboard } from '../src/shared/clipboard-guard'
import { createMemoryLogger } from '../src/main/core/log'
import { createServices, type Services } from '../src/main/services'
import { createKeytarSecretStore } from './helpers/keytar-store'

/**
 * Issue 18 through the real services (keychain, files, dispatch): accounts
 * as version 0.1 wrote them, the checklist's regions moving onto them,
 * the enrolment confirmation, "copy the next code instead", icon images,
 * and the tray's warning for missing keys.
 */
const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const T0 = Date.UTC(2026, 0, 1, 0, 0, 0)
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures-icons', name))

/** An account exactly as SellerGuard 0.1 stored it: none of the fields this issue adds. */
const oldAccount = (id: string, order: number, over: Record<string, unknown> = {}) => ({
  id,
  issuer: 'Amazon',
  label: `${id}@shop.example`,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  group: '',
  kind: 'seller-central',
  order,
  createdAt: T0,
  updatedAt: T0,
  ...over,
})

describe('account features on the real services', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-features-'))
  const service = `SellerGuardFeatures-${randomBytes(6).toString('hex')}`
  const secrets = createKeytarSecretStore(service)
  const clipboard = createMemoryClipboard()
  let now = T0 + 5_000
  let services: Services
  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const reply = await services.dispatch(method, input)
    if (!reply.ok) throw new Error(`${method}: ${reply.error.kind} ${reply.error.message}`)
    return reply.value as T
  }
  const account = async (id: string) => call<AccountSummary>('accounts.get', { id })

  beforeAll(async () => {
    // Two accounts with keys, one whose key is missing; the EU region lives in the checklist, as 0.1 kept it.
    const accounts = [oldAccount('acct-eu-0001', 0), oldAccount('acct-na-0002', 1), oldAccount('acct-gone-003', 2, { kind: 'other', issuer: 'Acme Bank' })]
    writeFileSync(path.join(dataDir, 'accounts.json'), JSON.stringify({ schemaVersion: 1, data: { accounts } }))
    const ticked = { done: true, at: T0, note: 'bank letter checked' }
    writeFileSync(
      path.join(dataDir, 'checklist.json'),
      JSON.stringify({ schemaVersion: 1, data: { accounts: { 'acct-eu-0001': { region: 'eu', items: { 'deposit-method': ticked } }, 'acct-na-0002': { region: null, items: {} } } } }),
    )
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'] } }))
    await secrets.set('acct-eu-0001', KEY)
    await secrets.set('acct-na-0002', KEY)
    services = await createServices({
      dataDir,
      appVersion: '0.0.0-test',
      platform: 'linux',
      runtime: 'web',
      now: () => now,
      log: createMemoryLogger(),
      secrets,
      clipboard,
      clockCheckOptions: { samplesPerServer: 1, sampleSpacingMs: 1, timeoutMs: 200 },
    })
    await services.ready
  })

  afterAll(async () => {
    await services.dispose()
    for (const { id } of await secrets.list()) await secrets.delete(id)
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('loads accounts written before this version, with the new fields at their defaults', async () => {
    expect(await account('acct-na-0002')).toMatchObject({ region: null, pinned: false, verifiedAt: null, lastUsedAt: null, icon: { kind: 'auto' } })
  })

  it('moves the region from the checklist onto the account, keeps the ticks, and clears the old copy', async () => {
    expect((await account('acct-eu-0001')).region).toBe('eu')
    const view = unpackChecklist(await call<PackedChecklistView>('checklist.get'))
    const eu = view.accounts.find((a) => a.accountId === 'acct-eu-0001')!
    expect(eu.region).toBe('eu')
    expect(eu.items.find((i) => i.id === 'deposit-method')).toMatchObject({ status: 'done', note: 'bank letter checked' })
    const file = JSON.parse(readFileSync(path.join(dataDir, 'checklist.json'), 'utf8')) as { data: { accounts: Record<string, { region: unknown; items: object }> } }
    expect(file.data.accounts['acct-eu-0001']).toMatchObject({ region: null, items: { 'deposit-method': { note: 'bank letter checked' } } })
  })

  it('the checklist’s region picker sets the account’s region (one place, used by every label)', async () => {
    await call('checklist.setRegion', { accountId: 'acct-na-0002', region: 'na' })
    expect((await account('acct-na-0002')).region).toBe('na')
    await call('accounts.update', { id: 'acct-na-0002', region: 'fe' })
    const view = await call<{ accounts: { accountId: string; region: string | null }[] }>('checklist.get')
    expect(view.accounts.find((a) => a.accountId === 'acct-na-0002')?.region).toBe('fe')
  })

  it('records "verified working" with main’s clock when the user confirms the site accepted the code', async () => {
    now = T0 + 60_000
    expect(await call<AccountSummary>('accounts.confirmWorking', { id: 'acct-eu-0001' })).toMatchObject({ verifiedAt: T0 + 60_000 })
    // It is on the account, where the checklist can read it as evidence, and survives a reload of the list.
    expect((await call<AccountSummary[]>('accounts.list')).find((a) => a.id === 'acct-eu-0001')?.verifiedAt).toBe(T0 + 60_000)
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'accounts.json'), 'utf8')) as { data: { accounts: AccountSummary[] } }
    expect(stored.data.accounts.find((a) => a.id === 'acct-eu-0001')?.verifiedAt).toBe(T0 + 60_000)
  })

  describe('copy the next code instead', () => {
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(KEY) })
    const codeAt = (ms: number) => totp.generate({ timestamp: ms })

    it('is off by default: the current code, even one second before it expires', async () => {
      now = T0 + 29_000
      const copied = await call<CopyResult>('clipboard.copyCode', { id: 'acct-eu-0001' })
      expect(copied).toMatchObject({ code: codeAt(now), which: 'current', secondsLeft: 1 })
      expect(clipboard.text).toBe(codeAt(now))
    })

    it('when on, copies the next code if fewer than N seconds are left, and says so', async () => {
      await call('settings.update', { copyNextBelowSeconds: 5 })
      now = T0 + 60_000 + 26_000
      const copied = await call<CopyResult>('clipboard.copyCode', { id: 'acct-eu-0001' })
      expect(copied).toMatchObject({ code: codeAt(T0 + 90_000), which: 'next', secondsLeft: 34 })
      expect(clipboard.text).toBe(codeAt(T0 + 90_000))
      now = T0 + 60_000 + 20_000
      expect(await call<CopyResult>('clipboard.copyCode', { id: 'acct-eu-0001' })).toMatchObject({ code: codeAt(now), which: 'current' })
    })

    it('applies to the tray too (the same rule in main)', async () => {
      now = T0 + 120_000 + 28_000
      const menu = await call<TrayMenu>('tray.menu')
      expect(JSON.stringify(menu)).toContain('copy:acct-eu-0001')
      expect(await call('tray.activate', { id: 'copy:acct-eu-0001' })).toMatchObject({ kind: 'copied', which: 'next' })
      expect(clipboard.text).toBe(codeAt(T0 + 150_000))
      await call('settings.update', { copyNextBelowSeconds: 0 })
    })

    it('remembers when a code was last copied, for "recently used" order', async () => {
      now = T0 + 200_000
      await call('clipboard.copyCode', { id: 'acct-na-0002' })
      await expect.poll(async () => (await account('acct-na-0002')).lastUsedAt).toBe(T0 + 200_000)
    })
  })

  describe('icon images', () => {
    const upload = (id: string, bytes: Buffer) => services.dispatch('accounts.setIconImage', { id, file: { name: 'logo.png', encoding: 'base64', data: bytes.toString('base64') } })

    it('keeps a checked image in the data folder and serves it back with the type read from its bytes', async () => {
      expect(await upload('acct-eu-0001', fixture('shop.webp'))).toMatchObject({ ok: true, value: { icon: { kind: 'image' } } })
      expect(await call<IconImage | null>('accounts.iconImage', { id: 'acct-eu-0001' })).toEqual({ mimeType: 'image/webp', data: fixture('shop.webp').toString('base64') })
      expect(await call<IconImage | null>('accounts.iconImage', { id: 'acct-na-0002' })).toBeNull()
    })

    it('refuses an SVG, a file too large, and text that is not base64, with a clear message, keeping the icon it had', async () => {
      expect(await upload('acct-eu-0001', fixture('shop.svg'))).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'That file is not a PNG, JPEG or WebP image.' } })
      const big = Buffer.concat([fixture('shop.png'), Buffer.alloc(300 * 1024)])
      expect(await upload('acct-eu-0001', big)).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/at most 256 KB/) } })
      const notBase64 = await services.dispatch('accounts.setIconImage', { id: 'acct-eu-0001', file: { encoding: 'base64', data: '<svg onload=alert(1)>' } })
      expect(notBase64).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
      expect(await call<IconImage | null>('accounts.iconImage', { id: 'acct-eu-0001' })).toMatchObject({ mimeType: 'image/webp' })
    })

    it('cannot set an image through a plain update (the bytes must go through the check)', async () => {
      expect(await services.dispatch('accounts.update', { id: 'acct-na-0002', icon: { kind: 'image' } })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } })
      expect(await call<AccountSummary>('accounts.update', { id: 'acct-na-0002', icon: { kind: 'brand', brand: 'ebay' } })).toMatchObject({ icon: { kind: 'brand', brand: 'ebay' } })
    })
  })

  it('the tray warns about the missing key instead of listing an account that fails on click', async () => {
    const menu = await call<TrayMenu>('tray.menu')
    expect(menu.icon).toBe('warning')
    expect(JSON.stringify(menu)).not.toContain('copy:acct-gone-003')
    expect(JSON.stringify(menu)).toContain('Restore missing keys')
  })

  it('a backup carries the regions, and restoring it puts them back on the accounts', async () => {
    // An account without its key cannot be backed up (export refuses rather than leave it out): remove it first.
    await call('accounts.remove', { id: 'acct-gone-003' })
    const backup = await call<{ content: string }>('transfer.exportBackup', { password: 'correct horse battery' })
    const otherDir = mkdtempSync(path.join(os.tmpdir(), 'sg-features-restore-'))
    const otherSecrets = createKeytarSecretStore(`${service}-restore`)
    const restored = await createServices({ dataDir: otherDir, appVersion: '0.0.0-test', platform: 'linux', runtime: 'web', now: () => now, log: createMemoryLogger(), secrets: otherSecrets, clipboard: createMemoryClipboard() })
    try {
      await restored.ready
      const preview = await restored.dispatch('transfer.preview', { file: { encoding: 'text', data: backup.content }, password: 'correct horse battery' })
      if (!preview.ok) throw new Error(preview.error.message)
      const { previewId, entries } = preview.value as { previewId: string; entries: { index: number; label: string }[] }
      const done = await restored.dispatch('transfer.confirm', { previewId, indexes: entries.map((e) => e.index) })
      expect(done.ok).toBe(true)
      const list = (await restored.dispatch('accounts.list', undefined)) as { ok: true; value: AccountSummary[] }
      expect(list.value.find((a) => a.label === 'acct-eu-0001@shop.example')?.region).toBe('eu')
      expect(list.value.find((a) => a.label === 'acct-na-0002@shop.example')?.region).toBe('fe')
    } finally {
      await restored.dispose()
      for (const { id } of await otherSecrets.list()) await otherSecrets.delete(id)
      await fs.rm(otherDir, { recursive: true, force: true })
    }
  })

  it('pins an account: it comes first in the tray', async () => {
    await call('accounts.update', { id: 'acct-na-0002', pinned: true })
    const menu = await call<TrayMenu>('tray.menu')
    const copies = menu.items.filter((i) => i.kind === 'copy')
    expect(copies[0]).toMatchObject({ accountId: 'acct-na-0002', label: 'Seller Central AU/SG (acct-na-0002@shop.example)' })
  })
})
