import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSettings, type AccountSummary, type CodeFrames, type KeychainStatus } from '../../src/shared/contract'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import type { KeychainClient } from '../../src/main/vault/keychain-client'
import { workerSecretStore } from '../helpers/keychain-worker'
import { createTestServices } from '../helpers/test-services'
import { hotp, totpWindow } from '../../e2e/helpers/totp'
import { startControlledKeyring, type ControlledKeyring } from './keyring-control'
import { base32, groupsOf4, secretSpellings, STRESS } from './support'

const CYCLES = STRESS ? 30 : 3

type TestKey = Readonly<{ base32: string; bytes: Uint8Array }>
const newKey = (bytes: number): TestKey => {
  const raw = new Uint8Array(randomBytes(bytes))
  return { base32: base32(raw), bytes: raw }
}

// Fresh random secrets every run, so a hit in the scan can only come from this run.
const KEYS = { amazon: newKey(32), kdp: newKey(20), bank: newKey(20), steam: newKey(20) }

/**
 * The OS keychain failing under a running app: locked, then unlocked, then
 * the Secret Service daemon killed outright. Runs its own D-Bus and
 * gnome-keyring (keyring-control.ts) and the real services (createServices)
 * driven through `dispatch`, as both transports do.
 */
describe('keychain faults under a running app', () => {
  let keyring: ControlledKeyring
  let dataDir: string
  let services: Services
  let secrets: KeychainClient
  const log = createMemoryLogger()
  const published: CodeFrames[] = []

  const call = async <T = unknown>(method: string, input?: unknown): Promise<T> => {
    const reply = await services.dispatch(method, input)
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
    return reply.value as T
  }
  const reply = (method: string, input?: unknown) => services.dispatch(method, input)
  const metadata = () => fs.readFile(path.join(dataDir, 'accounts.json'), 'utf8')
  let accounts: AccountSummary[] = []
  const idOf = (issuer: string) => accounts.find((a) => a.issuer === issuer)!.id

  /** The codes are right: each against an independent RFC 6238 / 4226 implementation. */
  function expectRightCodes(frames: CodeFrames) {
    expect(frames.frames.map((f) => f.accountId).sort()).toEqual(accounts.map((a) => a.id).sort())
    const code = (issuer: string) => frames.frames.find((f) => f.accountId === idOf(issuer))!.code
    expect(totpWindow(KEYS.amazon.base32, Date.now())).toContain(code('Amazon Seller Central'))
    expect(totpWindow(KEYS.kdp.base32, Date.now(), 8, 30, 'SHA256')).toContain(code('KDP'))
    expect(code('Bank')).toBe(hotp(KEYS.bank.base32, accounts.find((a) => a.issuer === 'Bank')!.counter))
    expect(code('Steam')).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/)
  }

  beforeAll(async () => {
    // Before anything touches keytar: libsecret keeps its first bus for the life of the process.
    keyring = await startControlledKeyring()
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-faults-'))
    secrets = await workerSecretStore(`SellerGuardFaults-${randomBytes(6).toString('hex')}`)
    // Tests talk to loopback only: the clock check goes to a port where nothing answers.
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
    services = await createTestServices({ dataDir, log, secrets })
    services.bus.subscribe((event, payload) => {
      if (event === 'codes.frames') published.push(payload as CodeFrames)
    })
    await services.ready
    for (const input of [
      { text: groupsOf4(KEYS.amazon.base32).toLowerCase(), issuer: 'Amazon Seller Central', label: 'seller@example.com' },
      { text: `otpauth://totp/KDP:author%40example.com?secret=${KEYS.kdp.base32}&issuer=KDP&algorithm=SHA256&digits=8` },
      { text: `otpauth://hotp/Bank:me%40example.com?secret=${KEYS.bank.base32}&issuer=Bank&counter=5` },
      { text: `otpauth://steam/Steam:gamer?secret=${KEYS.steam.base32}&issuer=Steam` },
    ]) {
      await call('accounts.add', input)
    }
    accounts = await call<AccountSummary[]>('accounts.list')
  })

  afterAll(async () => {
    await services?.dispose()
    secrets?.close()
    keyring?.stop()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it('starts ready with four accounts and right codes', async () => {
    expect(accounts.map((a) => a.type).sort()).toEqual(['hotp', 'steam', 'totp', 'totp'])
    expect(accounts.find((a) => a.issuer === 'Bank')!.counter).toBe(5)
    expect(await call<KeychainStatus>('vault.status')).toMatchObject({ state: 'ready', loaded: 4, total: 4 })
    expectRightCodes(await call<CodeFrames>('codes.frames'))
    // An explicit reveal works (and is logged, by id only: the scan at the end checks that).
    expect(await call('accounts.reveal', { id: idOf('KDP') })).toMatchObject({ secret: KEYS.kdp.base32 })
  })

  it('a locked keyring: retry says locked, codes are withdrawn, the metadata is untouched; unlock + retry brings the same codes back', async () => {
    const before = await metadata()
    keyring.lock()
    const locked = await call<KeychainStatus>('vault.retry')
    expect(locked).toMatchObject({ state: 'locked', missingSecrets: [], orphanSecrets: [], metadataProblem: null })
    expect(locked.help).toMatch(/unlock/i)
    expect((await call<CodeFrames>('codes.frames')).frames).toEqual([])
    await expect.poll(() => published.at(-1)?.frames.length).toBe(0)
    expect(await call<AccountSummary[]>('accounts.list')).toEqual(accounts)
    // What needs the keychain says why it cannot, as data.
    expect(await reply('clipboard.copyCode', { id: idOf('KDP'), which: 'current' })).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(await reply('accounts.reveal', { id: idOf('KDP') })).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(await reply('accounts.add', { text: newKey(20).base32, issuer: 'Other' })).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
    expect(await metadata()).toBe(before)

    keyring.unlock()
    const back = await call<KeychainStatus>('vault.retry')
    expect(back).toMatchObject({ state: 'ready', loaded: 4, total: 4, missingSecrets: [], orphanSecrets: [] })
    expectRightCodes(await call<CodeFrames>('codes.frames'))
    await expect.poll(() => published.at(-1)?.frames.length).toBe(4)
    expect(await metadata()).toBe(before)
  })

  it(`survives ${CYCLES} more lock / unlock cycles with the same outcome each time`, async () => {
    const before = await metadata()
    for (let i = 0; i < CYCLES; i++) {
      keyring.lock()
      expect(await call<KeychainStatus>('vault.retry'), `cycle ${i}`).toMatchObject({ state: 'locked', missingSecrets: [] })
      expect((await call<CodeFrames>('codes.frames')).frames, `cycle ${i}`).toEqual([])
      keyring.unlock()
      expect(await call<KeychainStatus>('vault.retry'), `cycle ${i}`).toMatchObject({ state: 'ready', loaded: 4, missingSecrets: [], orphanSecrets: [] })
      expectRightCodes(await call<CodeFrames>('codes.frames'))
    }
    expect(await metadata()).toBe(before)
  })

  // KNOWN BUG (reported): codes.nextHotp advances and saves the HOTP counter before it finds
  // there is no key, so each press while locked moves the counter without showing a code.
  // Fix in src/main/services.ts ('codes.nextHotp': check vault.key(id) first). Flip to it() then.
  it('a locked keyring: "next code" of a HOTP account changes nothing (no counter advance without a code)', async () => {
    const before = await metadata()
    keyring.lock()
    try {
      expect(await call<KeychainStatus>('vault.retry')).toMatchObject({ state: 'locked' })
      expect(await reply('codes.nextHotp', { id: idOf('Bank') })).toMatchObject({ ok: false, error: { kind: 'keychain-locked' } })
      expect(await metadata()).toBe(before)
    } finally {
      keyring.unlock()
      expect(await call<KeychainStatus>('vault.retry')).toMatchObject({ state: 'ready', loaded: 4 })
      accounts = await call<AccountSummary[]>('accounts.list')
    }
  })

  it('no Secret Service at all: retry says unavailable with the OS reason, the rest of the app keeps answering, the metadata is untouched', async () => {
    const before = await metadata()
    const settingsBefore = await call('settings.get')
    accounts = await call<AccountSummary[]>('accounts.list')
    await keyring.kill()
    expect(keyring.serving()).toBe(false)

    const gone = await call<KeychainStatus>('vault.retry')
    console.info(`with no Secret Service: ${JSON.stringify({ state: gone.state, reason: gone.reason })}`)
    expect(gone.state).toBe('unavailable')
    // The OS's own words, e.g. "The name org.freedesktop.secrets was not provided by any .service files".
    expect(gone.reason).toMatch(/org\.freedesktop\.secrets/)
    expect(gone.help).toBeTruthy()
    expect(gone.metadataProblem).toBeNull()
    expect((await call<CodeFrames>('codes.frames')).frames).toEqual([])

    // Everything that does not need a secret still works.
    expect(await call('settings.get')).toEqual(settingsBefore)
    expect(await call<AccountSummary[]>('accounts.list')).toEqual(accounts)
    expect(await call('app.info')).toMatchObject({ name: 'SellerGuard' })
    expect(await call('checklist.get')).toBeTruthy()
    expect(await call('clock.status')).toBeTruthy()
    expect(await call('accounts.check', { text: newKey(20).base32 })).toMatchObject({ valid: true })
    const renamed = await call<AccountSummary>('accounts.update', { id: idOf('KDP'), label: 'renamed@example.com' })
    expect(renamed.label).toBe('renamed@example.com')
    await call('accounts.update', { id: idOf('KDP'), label: 'author@example.com' })
    // What needs it fails as data, and changes nothing.
    expect(await reply('accounts.add', { text: newKey(20).base32, issuer: 'Other' })).toMatchObject({ ok: false, error: { kind: 'keychain-unavailable' } })
    expect(await reply('accounts.reveal', { id: idOf('KDP') })).toMatchObject({ ok: false, error: { kind: 'keychain-unavailable' } })
    // (services.ts says keychain-locked here for any missing key; either keychain kind is a typed answer.)
    const copy = await reply('clipboard.copyCode', { id: idOf('KDP'), which: 'current' })
    expect(copy.ok).toBe(false)
    expect(['keychain-locked', 'keychain-unavailable']).toContain(!copy.ok && copy.error.kind)
    expect(JSON.parse(await metadata()).data.accounts.map((a: AccountSummary) => [a.id, a.issuer, a.counter])).toEqual(
      JSON.parse(before).data.accounts.map((a: AccountSummary) => [a.id, a.issuer, a.counter]),
    )
    expect(await call<AccountSummary[]>('accounts.list')).toHaveLength(4)
  })

  /**
   * Observed here (gnome-keyring 42, keytar 7.9.0): libsecret keeps the Secret
   * Service session it opened with the first daemon for the life of its
   * process, so every call fails with "The session wrapping the secret does
   * not exist" after the daemon restarts. keytar runs in the keychain worker,
   * which the client replaces on that error: a Retry or two later the
   * keychain is ready again, with the same codes, without restarting SellerGuard.
   */
  it('the daemon comes back: retry reports the truth and nothing is lost', async () => {
    const before = await metadata()
    accounts = await call<AccountSummary[]>('accounts.list')
    await keyring.start()
    const seen: KeychainStatus[] = []
    for (let i = 0; i < 3; i++) {
      const status = await call<KeychainStatus>('vault.retry')
      seen.push(status)
      if (status.state === 'ready') break
    }
    console.info(`after the daemon restarted: ${JSON.stringify(seen.map((s) => ({ state: s.state, reason: s.reason })))}`)
    const last = seen.at(-1)!
    expect(last).toMatchObject({ state: 'ready', loaded: 4, missingSecrets: [] })
    expectRightCodes(await call<CodeFrames>('codes.frames'))
    expect(await call<AccountSummary[]>('accounts.list')).toEqual(accounts)
    expect(await metadata()).toBe(before)
  })

  it('no secret, in any spelling, is in the data folder or the log', async () => {
    const files: string[] = []
    const walk = async (dir: string) => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) await walk(full)
        else files.push(full)
      }
    }
    await walk(dataDir)
    expect(files.map((f) => path.basename(f))).toContain('accounts.json')
    const haystacks = [...(await Promise.all(files.map(async (f) => [f, await fs.readFile(f, 'latin1')] as const))), ['log', log.lines.join('\n')] as const]
    const hits: string[] = []
    for (const key of Object.values(KEYS)) {
      for (const spelling of secretSpellings(key)) {
        for (const [where, text] of haystacks) if (text.includes(spelling)) hits.push(`${spelling} in ${where}`)
      }
    }
    expect(hits).toEqual([])
    // The log was not empty: the reveal above was logged (by account id).
    expect(log.lines.some((l) => l.includes('secret revealed'))).toBe(true)
  })
})
