/// <reference lib="dom" />
/**
 * What a user sees of a 1,000-entry import (issue 16 §4): web mode started
 * the README's way (the command line `npm run web` starts the server with
 * after its build) on the real keychain, in Debian's
 * Chromium, with 50 accounts on the Codes screen. The 1,000 come in through
 * the app's own contract calls (`transfer.preview`, `transfer.confirm`), as
 * the import dialog makes them. From the preview to 1 s after the confirm,
 * the page records
 *  - every display frame (requestAnimationFrame): the longest gap between
 *    two, and how many gaps missed a frame (over 2 × 16.7 ms);
 *  - at each frame, the code shown in the first row, checked afterwards
 *    against the code of that moment from the account's secret (otpauth, as
 *    oathtool does): how long a code past its period stayed on screen.
 *  - whose time the gaps were (bench/host-cpu.ts): the share of the
 *    machine's CPU its host took ("steal") during the confirm, and the page
 *    main thread's time on a CPU and waiting in a run queue for one.
 * The confirm runs across at least one 30 s period boundary (it takes ~40 s
 * here), so codes must change on time while main is busy writing secrets.
 * Prints one JSON document. Not a test: nothing here asserts a timing.
 *
 * With `--trace <file>`, a Chromium trace (timeline + CPU samples) of the
 * page is written, from when main has written `--trace-from` (a fraction,
 * default 0.9) of the secrets to 1 s after the confirm: for finding what
 * blocks frames when the accounts come in. Its figures are not the bench's;
 * the result's `traced` then says, for each gap of over two frames in the
 * trace, how much CPU time the page's main thread itself used inside it.
 *
 *   node bench/run-ts.mjs bench/import-ui-bench.ts [--entries 1000] [--trace out.json [--trace-from 0.9] [--trace-light]]
 */
import { chromium } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as OTPAuth from 'otpauth'
import { defaultSettings } from '../src/shared/contract'
import { attributeGaps, hostCpu, hostShares, renderersUnder, threadSched } from './host-cpu'
import { accounts, otpauthList, type Account } from './import-formats'

type WebMode = Readonly<{ url: string; stop: () => Promise<void> }>
type StartOptions = Readonly<{ env: NodeJS.ProcessEnv; onOutput: (text: string) => void }>
// The README's way to start web mode, shared with e2e and the other benches.
const { startWebMode } = createRequire(import.meta.url)('../test/helpers/web-mode.cjs') as { startWebMode: (options: StartOptions) => Promise<WebMode> }

const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000' }, trace: { type: 'string' }, 'trace-from': { type: 'string', default: '0.9' }, 'trace-light': { type: 'boolean', default: false } } })
const entries = Number(values.entries)
const traceFrom = Number(values['trace-from'])
// --trace-light: no CPU samples (the sampler slows scripts down ~1.5-2x), so tasks last as long as they do untraced.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', ...(values['trace-light'] ? [] : ['disabled-by-default-v8.cpu_profiler']), 'blink.user_timing', 'toplevel']
const FRAME_MS = 1000 / 60
const round = (x: number) => Math.round(x * 10) / 10
const log = (line: string) => process.stderr.write(`${line}\n`)

/** Accounts of their own, so the first row's label names its secret. */
const named = (list: Account[], prefix: string): Account[] => list.map((a, i) => ({ ...a, issuer: `${prefix} ${i}`, label: `${prefix.toLowerCase()}${i}@example.com` }))
const first50 = named(accounts(50), 'Shown')
const incoming = named(accounts(entries), 'Imported')
const secretOf = new Map([...first50, ...incoming].map((a) => [a.label, a.secret]))
const codeAt = (label: string, ms: number) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretOf.get(label)!), digits: 6, period: 30 }).generate({ timestamp: ms })

type Sample = Readonly<{ t: number; label: string; code: string }>

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-import-ui-'))
// Time servers: a dead loopback port only (no network here); codes run on the system clock.
writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 1, data: { ...defaultSettings, ntpServers: ['127.0.0.1:9'], httpsTimeFallback: false } }))
const service = `SellerGuardBenchUi-${process.pid}`
const server = await startWebMode({
  env: { ...process.env, SELLERGUARD_DATA_DIR: dataDir, SELLERGUARD_KEYCHAIN_SERVICE: service, SELLERGUARD_PORT: '0' },
  onOutput: () => undefined,
})
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  // With --trace: what main sent, by size (Chromium takes in a big frame before any script sees it).
  const received: { t: number; bytes: number; head: string }[] = []
  if (values.trace) page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => received.push({ t: Date.now(), bytes: payload.length, head: String(payload).slice(0, 48) })))
  await page.goto(server.url)
  await page.waitForSelector('[data-testid="empty-state"], [data-testid="code-row"]', { timeout: 60_000 })
  /** transfer.preview then transfer.confirm of every entry, in the page as the import dialog calls them. */
  const importText = (text: string) =>
    page.evaluate(async (data) => {
      const api = (window as unknown as { sellerguard: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>>> }).sellerguard
      const preview = await api.transfer!.preview!({ file: { name: 'accounts.txt', encoding: 'text', data } })
      if (!preview.ok) throw new Error(preview.error!.message)
      ;(window as unknown as { __previewed: number }).__previewed = performance.timeOrigin + performance.now()
      const { previewId, entries: found } = preview.value as { previewId: string; entries: unknown[] }
      const confirmed = await api.transfer!.confirm!({ previewId, indexes: found.map((_, i) => i) })
      if (!confirmed.ok) throw new Error(confirmed.error!.message)
      return (confirmed.value as { addedIds: unknown[] }).addedIds.length
    }, text)

  await importText(Buffer.from(otpauthList(first50).bytes).toString('utf8'))
  await page.locator('[data-testid="account-detail"]', { hasText: 'shown0@example.com' }).first().waitFor({ timeout: 60_000 })
  await page.waitForSelector('[data-testid="code"]')
  // Until a period boundary is near, so the one the confirm crosses is well inside it.
  const msToBoundary = 30_000 - (Date.now() % 30_000)
  if (msToBoundary < 25_000) await page.waitForTimeout(msToBoundary + 1000)

  // Every display frame: its time (epoch ms) and the first row's label and code, as shown.
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; label: string; code: string }[]; __stop: boolean }
    w.__frames = []
    w.__stop = false
    const tick = () => {
      const row = document.querySelector('[data-testid="code-row"]')
      w.__frames.push({ t: performance.timeOrigin + performance.now(), label: row?.querySelector('[data-testid="account-detail"]')?.textContent ?? '', code: (row?.querySelector('[data-testid="code"]')?.textContent ?? '').replace(/\s/g, '') })
      if (!w.__stop) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const trace: { started: Promise<void> | null } = { started: null }
  if (values.trace) {
    // Started once main has written most secrets (its transfer.adding events, seen by the page).
    await page.exposeFunction('__adding', (written: number, total: number) => {
      if (trace.started === null && written >= total * traceFrom) trace.started = browser.startTracing(page, { categories: TRACE_CATEGORIES })
    })
    await page.evaluate(() => {
      const w = window as unknown as { sellerguard: { on: (name: string, listener: (p: { written: number; total: number }) => void) => void }; __adding: (written: number, total: number) => void }
      w.sellerguard.on('transfer.adding', (p) => w.__adding(p.written, p.total))
    })
  }
  // The page's renderer (Playwright's Chromium is this process's child): its main thread's time on and waiting for a CPU.
  const renderers = renderersUnder(process.pid)
  const schedBefore = new Map(renderers.map((pid) => [pid, threadSched(pid)]))
  const hostBefore = hostCpu()
  const startedAt = Date.now()
  const added = await importText(Buffer.from(otpauthList(incoming).bytes).toString('utf8'))
  const confirmMs = Date.now() - startedAt
  const host = hostShares(hostBefore, hostCpu())
  // The busiest renderer is the page's (an idle spare may sit beside it).
  const rendererSched = renderers
    .map((pid) => ({ before: schedBefore.get(pid)!, after: threadSched(pid) }))
    .map(({ before, after }) => ({ runMs: after.runMs - before.runMs, waitMs: after.waitMs - before.waitMs }))
    .reduce((a, b) => (b.runMs > a.runMs ? b : a), { runMs: 0, waitMs: 0 })
  await page.waitForTimeout(1000)
  let traced: ReturnType<typeof attributeGaps> | null = null
  if (trace.started !== null) {
    await trace.started
    const traceBuffer = await browser.stopTracing()
    writeFileSync(values.trace!, traceBuffer)
    traced = attributeGaps(traceBuffer.toString('utf8'))
    const big = received.filter((f) => f.bytes >= 10_000).map((f) => ({ ...f, atMs: f.t - startedAt }))
    writeFileSync(`${values.trace!}.frames.json`, JSON.stringify(big, null, 1))
    log(`import ui bench: trace written to ${values.trace}`)
  }
  const previewedAt = (await page.evaluate('window.__previewed')) as number
  const confirmedAt = startedAt + confirmMs
  const frames = (await page.evaluate(() => {
    const w = window as unknown as { __frames: { t: number; label: string; code: string }[]; __stop: boolean }
    w.__stop = true
    return w.__frames
  })) as Sample[]
  log(`import ui bench: ${added} added in ${confirmMs} ms, ${frames.length} frames`)

  const gaps = frames.slice(1).map((f, i) => f.t - frames[i]!.t)
  const missed = gaps.filter((g) => g > 2 * FRAME_MS).length
  // Where each missed frame fell: while the preview was read, while the confirm wrote, or once it answered.
  const phase = (t: number) => (t <= previewedAt ? 'preview' : t <= confirmedAt ? 'confirm' : 'after')
  const missedGaps = gaps.flatMap((g, i) => (g > 2 * FRAME_MS ? [{ atMs: round(frames[i]!.t - startedAt), gapMs: round(g), phase: phase(frames[i]!.t) }] : [])).slice(0, 20)
  // A frame shows a stale code when the code on screen is not the one of that moment.
  let staleMs = 0
  let longestStaleMs = 0
  let staleSince: number | null = null
  let boundaries = 0
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!
    if (i > 0 && Math.floor(f.t / 30_000) !== Math.floor(frames[i - 1]!.t / 30_000)) boundaries++
    const right = f.label !== '' && f.code === codeAt(f.label, f.t)
    if (!right && staleSince === null) staleSince = f.t
    if (right && staleSince !== null) {
      staleMs += f.t - staleSince
      longestStaleMs = Math.max(longestStaleMs, f.t - staleSince)
      staleSince = null
    }
  }
  if (staleSince !== null) longestStaleMs = Math.max(longestStaleMs, frames.at(-1)!.t - staleSince)
  const result = {
    bench: 'import-ui',
    note: 'web mode started as npm run web starts it after its build, in Chromium with 50 accounts shown; a 1,000-entry otpauth list previewed and confirmed through the page’s contract calls; frames are the page’s requestAnimationFrame callbacks from the preview to 1 s after the confirm; a stale code is one not of the moment its frame ran',
    entries,
    added,
    confirmMs,
    frames: frames.length,
    periodBoundariesCrossed: boundaries,
    longestFrameGapMs: round(Math.max(...gaps)),
    framesMissed: missed,
    missedGaps,
    previewMs: round(previewedAt - startedAt),
    framesOverOneFrame: gaps.filter((g) => g > FRAME_MS * 1.5).length,
    staleCodeMs: round(staleMs),
    longestStaleCodeMs: round(longestStaleMs),
    // Whose time the gaps were: the machine's CPU stolen by its host and left idle during the confirm, and the page main thread's time on a CPU and waiting for one.
    confirmHost: host,
    confirmPageMainThread: { runMs: Math.round(rendererSched.runMs), waitForCpuMs: Math.round(rendererSched.waitMs) },
    // With --trace: each gap of over two frames in the trace, with the page main thread's own CPU time inside it (its figures are not the bench's: tracing slows the page).
    ...(traced ? { traced } : {}),
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} finally {
  await browser.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
