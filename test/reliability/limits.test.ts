import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ACCOUNTS_PER_IMPORT, MAX_GROUP_LENGTH, MAX_KEY_CHARS, MAX_NAME_LENGTH, MAX_PERIOD, type AccountSummary, type ExportedFile, type ImportPreview } from '../../src/shared/contract'
import { createMemoryLogger } from '../../src/main/core/log'
import type { Services } from '../../src/main/services'
import { encryptBackup } from '../../src/main/transfer/backup'
import type { KeychainClient } from '../../src/main/vault/keychain-client'
import { workerSecretStore } from '../helpers/keychain-worker'
import { createTestServices, writeLoopbackSettings } from '../helpers/test-services'
import { base32 } from './support'

/** A key of exactly `chars` base32 characters (a multiple of 8: whole bytes). */
const keyOf = (chars: number) => base32(new Uint8Array(randomBytes((chars / 8) * 5)))

/**
 * Issue 13 §3: one set of limits (the contract's limits.ts), applied by add,
 * import and backup alike, so a backup never fails on an account the app
 * accepted. Real services, real keychain (through its worker).
 */
describe('limits: what add and import accept, a backup holds', () => {
  let secrets: KeychainClient
  let dataDir: string
  let services: Services
  const call = async <T = unknown>(method: string, input?: unknown): Promise<T> => {
    const reply = await services.dispatch(method, input)
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
    return reply.value as T
  }
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-limits-'))
    await writeLoopbackSettings(dataDir)
    secrets = await workerSecretStore(`SellerGuardLimits-${randomBytes(6).toString('hex')}`)
    services = await createTestServices({ dataDir, log: createMemoryLogger(), secrets })
    await services.ready
  })
  afterAll(async () => {
    await services?.dispose()
    secrets?.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  })

  it(`a key of more than ${MAX_KEY_CHARS} characters is refused by add, with where and why`, async () => {
    const long = keyOf(MAX_KEY_CHARS + 8)
    const reply = await services.dispatch('accounts.add', { text: long, issuer: 'Too long', label: '' })
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-input', position: MAX_KEY_CHARS } })
    expect(!reply.ok && reply.error.message).toContain(`at most ${MAX_KEY_CHARS}`)
  })

  it('and by import, as that entry\'s error: the other entries still come', async () => {
    const lines = [`otpauth://totp/Long:a?secret=${keyOf(MAX_KEY_CHARS + 8)}&issuer=Long`, `otpauth://totp/Fine:b?secret=${keyOf(32)}&issuer=Fine`].join('\n')
    const preview = await call<ImportPreview>('transfer.preview', { file: { name: 'list.txt', encoding: 'text', data: lines } })
    expect(preview.entries.map((e) => e.issuer)).toEqual(['Fine'])
    expect(preview.problems).toEqual([expect.objectContaining({ index: 0, message: expect.stringContaining(`at most ${MAX_KEY_CHARS}`) })])
  })

  it('a backup of every account at the limits succeeds, and opens with all of them', async () => {
    const name = 'N'.repeat(MAX_NAME_LENGTH)
    await call('accounts.add', { text: keyOf(MAX_KEY_CHARS), issuer: name, label: name, group: 'G'.repeat(MAX_GROUP_LENGTH) })
    await call('accounts.add', { text: `otpauth://totp/Edge:e?secret=${keyOf(16)}&issuer=Edge&digits=8&period=${MAX_PERIOD}&algorithm=SHA512` })
    await call('accounts.add', { text: `otpauth://hotp/Counter:c?secret=${keyOf(40)}&issuer=Counter&counter=${Number.MAX_SAFE_INTEGER - 1}` })
    await call('accounts.add', { text: `otpauth://steam/Steam:s?secret=${keyOf(32)}&issuer=Steam` })
    const accounts = await call<AccountSummary[]>('accounts.list')
    const backup = await call<ExportedFile>('transfer.exportBackup', { password: 'limits password' })
    const opened = await call<ImportPreview>('transfer.preview', { file: { name: backup.fileName, encoding: 'text', data: backup.content }, password: 'limits password' })
    expect(opened.entries.map((e) => e.issuer).sort()).toEqual(accounts.map((a) => a.issuer).sort())
    expect(opened.problems).toEqual([])
  })

  it('a rename during a large import is not held up by it: it is answered first, and both are kept', async () => {
    const [first] = await call<AccountSummary[]>('accounts.list')
    const lines = Array.from({ length: 150 }, (_, i) => `otpauth://totp/Bulk${i}:b${i}?secret=${keyOf(32)}&issuer=Bulk${i}`).join('\n')
    const preview = await call<ImportPreview>('transfer.preview', { file: { name: 'bulk.txt', encoding: 'text', data: lines } })
    const order: string[] = []
    const importing = services.dispatch('transfer.confirm', { previewId: preview.previewId, indexes: preview.entries.map((e) => e.index) }).then((r) => (order.push('import'), r))
    await new Promise((resolve) => setTimeout(resolve, 30))
    const renaming = services.dispatch('accounts.update', { id: first!.id, issuer: 'Renamed meanwhile' }).then((r) => (order.push('rename'), r))
    expect(await renaming).toMatchObject({ ok: true })
    expect(await importing).toMatchObject({ ok: true })
    expect(order).toEqual(['rename', 'import'])
    const after = await call<AccountSummary[]>('accounts.list')
    expect(after.find((a) => a.id === first!.id)!.issuer).toBe('Renamed meanwhile')
    expect(after.filter((a) => a.issuer.startsWith('Bulk'))).toHaveLength(150)
    expect(new Set(after.map((a) => a.order)).size).toBe(after.length)
  })

  it(`an import adds at most ${MAX_ACCOUNTS_PER_IMPORT.toLocaleString('en-US')} accounts at a time, and says so before writing anything`, async () => {
    const before = (await call<AccountSummary[]>('accounts.list')).length
    const lines = Array.from({ length: MAX_ACCOUNTS_PER_IMPORT + 1 }, (_, i) => `otpauth://totp/Many${i}:m${i}?secret=${keyOf(32)}&issuer=Many${i}`).join('\n')
    const preview = await call<ImportPreview>('transfer.preview', { file: { name: 'many.txt', encoding: 'text', data: lines } })
    expect(preview.warnings.join(' ')).toContain('adds at most 1,000 per import')
    const all = await services.dispatch('transfer.confirm', { previewId: preview.previewId, indexes: preview.entries.map((e) => e.index) })
    expect(all).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('at most 1,000 accounts per import') } })
    expect((await call<AccountSummary[]>('accounts.list')).length).toBe(before)
  })

  it('a backup that cannot be made names the account (a key from before the limit), never its secret', async () => {
    const secret = keyOf(MAX_KEY_CHARS + 8)
    const account = { id: 'acc_old', type: 'totp', issuer: 'Old shop', label: 'me@example.com', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, secret, group: '', kind: 'other', order: 0, createdAt: 0 } as const
    const made = await encryptBackup({ accounts: [account] }, 'limits password')
    expect(made).toMatchObject({ ok: false, error: { kind: 'invalid-contents' } })
    const message = !made.ok ? made.error.message : ''
    expect(message).toContain('“Old shop — me@example.com”')
    expect(message).not.toContain(secret.slice(0, 16))
  })
})

describe('limits: a preview of a file of bad lines stays small', () => {
  it('lists the first problems and counts the rest: a 14 MB file of bad lines gets a reply of a few kB', async () => {
    const { createTransferService } = await import('../../src/main/transfer/transfer-service')
    const { MAX_PREVIEW_PROBLEMS } = await import('../../src/shared/contract')
    const vault = { duplicatesOf: () => ({ existing: [], repeated: [], fresh: [] }) } as unknown as Parameters<typeof createTransferService>[0]['vault']
    const transfer = createTransferService({ vault, now: Date.now, log: createMemoryLogger(), decodeQr: async () => ({ ok: true, value: [] }), screen: null, recordBackup: async () => undefined, extras: () => ({}), restoreChecklist: async () => undefined })
    const line = 'otpauth://totp/Bad:x?secret=0000000000000000&issuer=Bad\n'
    const text = line.repeat(Math.ceil((14 * 1024 * 1024) / line.length))
    const preview = await transfer.preview(text, undefined)
    if (!preview.ok) throw new Error(preview.error.message)
    expect(preview.value.problems).toHaveLength(MAX_PREVIEW_PROBLEMS)
    expect(preview.value.omittedProblems).toBe(Math.ceil((14 * 1024 * 1024) / line.length) - MAX_PREVIEW_PROBLEMS)
    expect(JSON.stringify(preview.value).length).toBeLessThan(64 * 1024)
  })
})
