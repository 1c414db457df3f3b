import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unpackChecklist } from '../../src/shared/checklist-packing'
import type { AccountSummary, BackupStatus, CodeFrames, PackedChecklistView, ImportPreview, KeychainStatus, Settings, StorageStatus } from '../../src/shared/contract'
import { connectWithCode, type WebClient } from '../helpers/web-client'
import { writeLoopbackSettings } from '../helpers/test-services'
import { mulberry32, STRESS } from './support'
import { BACKUP_PASSWORD, emptyModel, expectedCode, pickStep, secretOf, secrets, type Model, type Step } from './process-workload'

type WebMode = Readonly<{ origin: string; code: string; serverPid: () => number; running: () => boolean; stop: () => Promise<void> }>
// The README's way to start web mode, shared with e2e and the benches (CommonJS, typed by JSDoc there).
const { startWebMode } = createRequire(__filename)('../helpers/web-mode.cjs') as { startWebMode: (options: { env: NodeJS.ProcessEnv }) => Promise<WebMode> }

const ROOT = path.resolve(__dirname, '../..')
/** Kills per run: the long form (`STRESS=1`, npm run test:stress) does 100. */
const KILLS = Number(process.env.PROCESS_KILLS ?? (STRESS ? 100 : 6))
const SEED = Number(process.env.PROCESS_SEED ?? Date.now() % 100_000)
/** The one checklist item the workload ticks (a Seller Central item ticked by hand). */
const ITEM = 'bank-review'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The whole web-mode process, started the README's way (as `npm run web` starts it after its build),
 * is killed with SIGKILL at random moments (seeded) while a user adds,
 * renames, imports, backs up, changes settings, ticks the checklist and
 * deletes with undo, on the session's real gnome-keyring. After every
 * restart: every stored file parses and none is reported damaged or
 * restored, every confirmed change is there and nothing else (the step in
 * flight either landed whole or not at all: an import is all or nothing),
 * no account is duplicated, every account's code comes from the secret it
 * was given (keychain and metadata agree), every automatic backup opens,
 * and the only keychain items without an account are those of accounts
 * deleted during their undo window, which are shown and recovered.
 */
describe(`web mode killed with SIGKILL at ${KILLS} random moments (seed ${SEED})`, () => {
  let dataDir: string
  let env: NodeJS.ProcessEnv
  /** The web mode of the round that is running: a failed round leaves it for afterAll to stop. */
  let current: WebMode | null = null
  const figures = { kills: 0, confirmedSteps: 0, inFlightLanded: 0, inFlightLost: 0, recoveredOrphans: 0, byKind: {} as Record<string, number> }

  beforeAll(async () => {
    expect(existsSync(path.join(ROOT, 'out/main/web.js')), 'out/main/web.js is missing: run npm run build').toBe(true)
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-process-crash-'))
    await writeLoopbackSettings(dataDir)
    await fs.mkdir(path.join(dataDir, 'backups'))
    env = { ...process.env, SELLERGUARD_DATA_DIR: dataDir, SELLERGUARD_KEYCHAIN_SERVICE: `SellerGuardCrash-${randomBytes(6).toString('hex')}`, SELLERGUARD_PORT: '0' }
  })

  afterAll(async () => {
    console.info(`process crash: ${JSON.stringify(figures)}`)
    if (STRESS) writeResults({ seed: SEED, ...figures })
    await current?.stop()
    // The keychain items this run left (its own service name): remove them through the app itself.
    const web = await startWebMode({ env })
    try {
      const client = await connectWithCode(web.origin, web.code)
      await ready(client)
      const ids = (await value<AccountSummary[]>(client, 'accounts.list')).map((a) => a.id)
      for (const id of ids) await value(client, 'accounts.remove', { id })
      client.close()
    } finally {
      await web.stop()
      await fs.rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  async function value<T>(client: WebClient, method: string, input?: unknown): Promise<T> {
    const reply = await client.call<T>(method, input)
    if (!reply.ok) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`)
    return reply.value
  }
  /**
   * Waits until every secret has loaded (or the keychain settled in another state), then asks for a
   * Retry: its reply comes once the keychain has been listed for items without an account too.
   */
  async function ready(client: WebClient): Promise<KeychainStatus> {
    for (;;) {
      const status = await value<KeychainStatus>(client, 'vault.status')
      if (status.state !== 'checking' && status.loaded === status.total) return value<KeychainStatus>(client, 'vault.retry')
      await sleep(25)
    }
  }

  /** What SellerGuard holds after a restart, in the model's terms. */
  async function observe(client: WebClient) {
    const accounts = await value<AccountSummary[]>(client, 'accounts.list')
    const settings = await value<Settings>(client, 'settings.get')
    const checklist = unpackChecklist(await value<PackedChecklistView>(client, 'checklist.get'))
    const notes = new Map(checklist.accounts.map((a) => [a.accountId, a.items.find((i) => i.id === ITEM)?.note]))
    const names = (list: Iterable<{ issuer: string; label: string }>) => [...list].map((a) => `${a.issuer} | ${a.label}`).sort()
    /** Whether what was found is this model: the same accounts (by name, and by id where the model knows it), settings and notes. */
    const matches = (m: Model) =>
      JSON.stringify(names(accounts)) === JSON.stringify(names(m.accounts.values())) &&
      [...m.accounts.values()].every((a) => a.id.startsWith('pending-') || accounts.some((b) => b.id === a.id && b.issuer === a.issuer && b.label === a.label)) &&
      settings.closeToTray === m.closeToTray &&
      [...m.notes].every(([id, note]) => !m.accounts.has(id) || notes.get(id) === note)
    return { accounts, matches }
  }

  async function checkFiles(where: string): Promise<void> {
    for (const name of await fs.readdir(dataDir)) {
      if (!/\.json(\.bak)?$/.test(name)) continue
      const text = await fs.readFile(path.join(dataDir, name), 'utf8')
      expect(() => JSON.parse(text), `${where}: ${name} does not parse`).not.toThrow()
    }
  }

  it('loses no confirmed change, duplicates nothing, keeps the keychain and the files in agreement', async () => {
    const random = mulberry32(SEED)
    let model = emptyModel()
    let inFlight: Step | null = null
    let n = 0
    for (let round = 0; round <= KILLS; round++) {
      const where = `round ${round} (seed ${SEED})`
      const web: WebMode = await startWebMode({ env })
      current = web
      const client = await connectWithCode(web.origin, web.code)
      const status = await ready(client)
      await checkFiles(where)
      expect((await value<StorageStatus>(client, 'storage.status')).issues, where).toEqual([])
      expect(status.state, where).toBe('ready')
      expect(status.missingSecrets, where).toEqual([])

      // The confirmed model, or the step in flight landed on top of it: nothing else.
      const found = await observe(client)
      const landed = inFlight ? inFlight.after(model) : null
      if (landed && found.matches(landed) && !found.matches(model)) {
        model = landed
        figures.inFlightLanded++
      } else if (inFlight) figures.inFlightLost++
      expect(found.matches(model), `${where}: after the kill during ${inFlight?.kind ?? 'nothing'}, found ${JSON.stringify(found.accounts.map((a) => [a.id, a.issuer, a.label]))}`).toBe(true)
      // Accounts added by the step in flight get their real ids.
      model = { ...model, accounts: new Map(found.accounts.map((a) => [a.id, { id: a.id, issuer: a.issuer, label: a.label }])) }

      // Keychain and metadata agree: every code comes from the account's own secret …
      const { frames } = await value<CodeFrames>(client, 'codes.frames')
      expect(frames.length, where).toBe(found.accounts.length)
      for (const frame of frames) {
        const account = model.accounts.get(frame.accountId)!
        expect(frame.code, `${where}: the code of ${account.label}`).toBe(expectedCode(secretOf(account)!, frame.periodStart))
      }
      // … and the only secrets without an account are those deleted in their undo window: shown, and recovered.
      expect(status.orphanSecrets.filter((id) => !model.deleted.has(id)), `${where}: orphans`).toEqual([])
      if (status.orphanSecrets.length) {
        const adopted = await value<AccountSummary[]>(client, 'vault.adoptOrphans', { ids: status.orphanSecrets })
        for (const a of adopted) secrets.set(a.id, secretOf(model.deleted.get(a.id)!)!)
        model = { ...model, accounts: new Map([...model.accounts, ...adopted.map((a) => [a.id, { id: a.id, issuer: a.issuer, label: a.label }] as const)]) }
        figures.recoveredOrphans += adopted.length
      }
      model = { ...model, deleted: new Map() }

      // Every automatic backup opens whole.
      if (round === 0) await value<BackupStatus>(client, 'backup.configure', { enabled: true, folder: path.join(dataDir, 'backups'), keep: 3, password: BACKUP_PASSWORD })
      for (const file of (await value<{ files: { name: string }[] }>(client, 'backup.list')).files) {
        const opened = await client.call<ImportPreview>('backup.preview', { name: file.name, password: BACKUP_PASSWORD })
        expect(opened.ok, `${where}: backup ${file.name}: ${JSON.stringify(opened)}`).toBe(true)
      }
      if (round === KILLS) {
        client.close()
        await web.stop()
        current = null
        break
      }

      // A few confirmed steps, then one in flight when the process is killed.
      const steps = Math.floor(random() * 5)
      for (let i = 0; i < steps; i++) {
        const step = pickStep(model, random, n++, ITEM)
        model = step.after(model, await step.send(client))
        figures.confirmedSteps++
      }
      const step = pickStep(model, random, n++, ITEM)
      const slow = step.kind === 'import' || step.kind === 'backup'
      const delayMs = Math.floor(random() * (slow ? 400 : 40))
      const pid = web.serverPid()
      let reply: { value: unknown } | null = null
      const sent = step.send(client).then(
        (v) => (reply = { value: v }),
        () => undefined,
      )
      await sleep(delayMs)
      process.kill(pid, 'SIGKILL')
      await sent
      // The keychain worker ends on its own once the server is gone (no one stops it here).
      while (web.running()) await sleep(10)
      current = null
      client.close()
      figures.kills++
      figures.byKind[step.kind] = (figures.byKind[step.kind] ?? 0) + 1
      if (reply) {
        model = step.after(model, (reply as { value: unknown }).value)
        inFlight = null
      } else inFlight = step
    }
  }, (60 + KILLS * 20) * 1000)
})

function writeResults(figures: object): void {
  const doc = {
    measuredAt: new Date().toISOString(),
    command: 'npm run test:stress -- test/reliability/process-crash.test.ts',
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
    data: figures,
    targets:
      'after every SIGKILL of web mode (started as npm run web starts it): every stored file parses and none is reported damaged; every confirmed step is kept and nothing else appears (the step in flight landed whole, inFlightLanded, or not at all); every code matches its secret; every automatic backup opens; the only secrets without an account are those deleted in their undo window (recoveredOrphans: added back)',
  }
  writeFileSync(path.join(ROOT, 'bench/results/reliability-process.json'), `${JSON.stringify(doc, null, 2)}\n`)
}
