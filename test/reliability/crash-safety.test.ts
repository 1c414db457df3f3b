import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChecklistStore } from '../../src/main/checklist/store'
import { createAccountStore } from '../../src/main/vault/account-store'
import { createBackupFolder } from '../../src/main/backup/backup-folder'
import { openBackup } from '../../src/main/transfer/backup'
import { ACCOUNT_COUNT, BACKUPS_KEPT, backupKey, keyToEnv, seqOfAccounts, seqOfChecklist } from './crash-child'
import { eachLine, mulberry32, STRESS } from './support'

const ROOT = path.resolve(__dirname, '../..')
/** Kills per run: the long form (`STRESS=1`) does 200. */
const KILLS = Number(process.env.CRASH_KILLS ?? (STRESS ? 200 : 40))
const SEED = Number(process.env.CRASH_SEED ?? 0x5e11e6)
/** `runner`: load the child from source with Vite's module runner (~1 s a start) instead of a bundle built once. */
const LOADER = process.env.CRASH_LOADER === 'runner' ? 'runner' : 'bundle'

type Round = Readonly<{ ready: [number, number] | null; lastSaved: number | null; saves: number; signal: NodeJS.Signals | null; code: number | null; failure: string | null; stderr: string }>

/**
 * Crash safety of the metadata files and the automatic backups: a child
 * process saves account metadata (account-store) and checklist ticks
 * (checklist store) through the real json-file code, then writes an
 * encrypted backup through the real backup writer (atomic write, read-back
 * check, rotation), in a loop; it is killed with SIGKILL at random moments
 * (seeded), and after every kill both files must load, every backup in the
 * folder must open whole, nothing the child was told was saved may be
 * missing, and nothing may come from a save that never started.
 */
describe('metadata files survive SIGKILL at any moment', () => {
  let dir: string
  let bundleDir: string
  let entry: string[]

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-crash-'))
    bundleDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-crash-bundle-'))
    if (LOADER === 'runner') {
      entry = [path.join(__dirname, 'crash-runner.mjs'), dir]
      return
    }
    // The real source, compiled once; each child then starts in ~50 ms instead of ~1 s.
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: {
        ssr: path.join(__dirname, 'crash-child.ts'),
        outDir: bundleDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
      },
      ssr: { noExternal: true, target: 'node' },
    })
    entry = [path.join(bundleDir, 'crash-child.mjs'), dir]
  }, 60_000)

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
    await fs.rm(bundleDir, { recursive: true, force: true })
  })

  function runChild(random: () => number, crashKey: string): Promise<Round> {
    // A random moment: after 0–5 confirmed saves, then 0–7 ms more (0: on the next turn of the event loop).
    const killAfterSaves = Math.floor(random() * 6)
    const delayMs = Math.floor(random() * 8)
    return new Promise((resolve) => {
      // A bare environment: the child needs nothing else (NODE_EXTRA_CA_CERTS alone adds ~80 ms a start).
      const child = spawn(process.execPath, entry, { env: { PATH: process.env.PATH ?? '', SELLERGUARD_CRASH_CHILD: '1', SELLERGUARD_CRASH_KEY: crashKey }, stdio: ['ignore', 'pipe', 'pipe'] })
      let ready: [number, number] | null = null
      let lastSaved: number | null = null
      let saves = 0
      let failure: string | null = null
      let stderr = ''
      let armed = false
      const arm = () => {
        if (armed) return
        armed = true
        const kill = () => child.kill('SIGKILL')
        if (delayMs === 0) setImmediate(kill)
        else setTimeout(kill, delayMs)
      }
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      eachLine(child.stdout, (line) => {
        const [word, a, b] = line.split(' ')
        if (word === 'ready') {
          ready = [Number(a), Number(b)]
          if (killAfterSaves === 0) arm()
        } else if (word === 'saved') {
          lastSaved = Number(a)
          if (++saves >= killAfterSaves) arm()
        } else {
          failure = line
        }
      })
      // 'close' comes after stdout is drained: every line the child wrote before dying is counted.
      child.on('close', (code, signal) => resolve({ ready, lastSaved, saves, signal, code, failure, stderr }))
    })
  }

  it(`keeps both files loadable and every confirmed save, over ${KILLS} kills (seed ${SEED}, ${LOADER})`, async () => {
    const random = mulberry32(SEED)
    const accounts = path.join(dir, 'accounts.json')
    const checklist = path.join(dir, 'checklist.json')
    let onDisk = 0
    /** The highest sequence number any child was told was saved. */
    let confirmed = 0
    let totalSaves = 0
    const backupProblems = new Map<string, number>()
    const noteBackup = (problem: string) => backupProblems.set(problem, (backupProblems.get(problem) ?? 0) + 1)
    let killedMidSave = 0
    const key = await backupKey()
    const backupsDir = path.join(dir, 'backups')
    let backupTemps = 0

    for (let round = 0; round < KILLS; round++) {
      const r = await runChild(random, keyToEnv(key))
      const where = `round ${round} (seed ${SEED}): ${JSON.stringify({ ...r, stderr: r.stderr.slice(0, 500) })}`
      expect(r.failure, where).toBeNull()
      expect(r.signal, where).toBe('SIGKILL')
      // The child continued from exactly what was on disk after the previous kill.
      if (r.ready) expect(r.ready[0], where).toBe(onDisk)

      const loadedAccounts = await createAccountStore(accounts).load()
      const loadedChecklist = await createChecklistStore(checklist).load()
      if (!loadedAccounts.ok) throw new Error(`accounts.json does not load after ${where}: ${JSON.stringify(loadedAccounts.error)}`)
      if (loadedChecklist.kind !== 'loaded') throw new Error(`checklist.json does not load after ${where}: ${JSON.stringify(loadedChecklist)}`)
      const a = seqOfAccounts(loadedAccounts.value)
      const c = seqOfChecklist(loadedChecklist.state)
      confirmed = Math.max(confirmed, r.lastSaved ?? 0)
      // Nothing confirmed is lost …
      expect(a, where).toBeGreaterThanOrEqual(confirmed)
      expect(c, where).toBeGreaterThanOrEqual(confirmed)
      // … and nothing appears that was never written: at most the one save in flight landed.
      const inFlight = (r.lastSaved ?? onDisk) + 1
      expect(a, where).toBeLessThanOrEqual(inFlight)
      expect(c, where).toBeLessThanOrEqual(a)
      expect(loadedAccounts.value).toHaveLength(ACCOUNT_COUNT)
      if (a === inFlight) killedMidSave++

      // The previous version beside each file loads too (it is replaced atomically), and is never newer than the file.
      const bakAccounts = await createAccountStore(`${accounts}.bak`).load()
      const bakChecklist = await createChecklistStore(`${checklist}.bak`).load()
      if (bakAccounts.ok) expect(seqOfAccounts(bakAccounts.value), where).toBeLessThanOrEqual(a)
      else noteBackup(`accounts.json.bak ${bakAccounts.error.kind}: ${'reason' in bakAccounts.error ? bakAccounts.error.reason : ''}`)
      if (bakChecklist.kind === 'loaded') expect(seqOfChecklist(bakChecklist.state), where).toBeLessThanOrEqual(c)
      else noteBackup(`checklist.json.bak ${bakChecklist.kind}: ${'reason' in bakChecklist ? bakChecklist.reason : ''}`)

      // Every backup in the folder opens whole; the newest holds every confirmed save and nothing that never started.
      const names = await createBackupFolder().list(backupsDir)
      const seqs: number[] = []
      for (const name of names.ok ? names.value : []) {
        const opened = openBackup(await fs.readFile(path.join(backupsDir, name), 'utf8'), key)
        if (!opened.ok) throw new Error(`backup ${name} does not open after ${where}: ${opened.error.message}`)
        seqs.push(seqOfAccounts(opened.value.accounts))
      }
      const newestBackup = seqs[0] ?? 0
      expect(newestBackup, where).toBeGreaterThanOrEqual(confirmed)
      expect(newestBackup, where).toBeLessThanOrEqual(c)
      expect(seqs, `${where}: newest first`).toEqual([...seqs].sort((x, y) => y - x))
      // A kill between the write and the rotation leaves one too many; the next backup rotates it away.
      expect(seqs.length, where).toBeLessThanOrEqual(BACKUPS_KEPT + 1)
      backupTemps = Math.max(backupTemps, (await fs.readdir(backupsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.tmp')).length)

      onDisk = a
      totalSaves += r.saves
    }

    const leftovers = (await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))
    console.info(
      `crash-safety: ${KILLS} kills, ${totalSaves} confirmed saves, ${killedMidSave} kills landed after a save landed but before it was confirmed, ` +
        `${leftovers.length} stale .tmp files left (at most ${backupTemps} in the backup folder), final sequence ${onDisk}; ` +
        `unreadable .bak files seen after a kill: ${JSON.stringify([...backupProblems])}`,
    )
    // Not vacuous: the children did write (how many kills land mid-save varies, and is only reported).
    expect(totalSaves).toBeGreaterThan(0)
    expect([...backupProblems], 'every .bak loads after every kill').toEqual([])
    // A killed write leaves at most its own temp files, two per file (the next start clears them).
    expect(leftovers.length, `stale temp files: ${leftovers.join(', ')}`).toBeLessThanOrEqual(4)
    // A killed backup write leaves at most its own temp file; the next backup's rotation clears it.
    expect(backupTemps).toBeLessThanOrEqual(1)
    expect(onDisk).toBeGreaterThan(0)
  }, (STRESS ? 900 : 120) * 1000)
})
