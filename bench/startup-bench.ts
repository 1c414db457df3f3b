/**
 * Start-up benchmark of web mode, started the README's way (the command
 * line `npm run web` starts the built out/main/web.js with once its build is
 * done, web:start's: the same services as the desktop app's main process),
 * on the real keychain:
 *  - process spawn → first code painted in Debian's Chromium (already open, with
 *    a blank tab the link is opened in), 50 accounts;
 *  - "painted" is a mark the tab sets itself once the frame after the first
 *    code is drawn, read over a raw DevTools session (watchFirstCode), so no
 *    Playwright script runs in the tab while the app starts;
 *  - the same started with `npm run web:start` (n50npmScript): the same
 *    command line with npm and sh before it, as the last build is served
 *    through npm, and as `npm run web` started it until it ran the command
 *    line itself. Both rows are kept, each named;
 *  - these two rows start with web mode's code cache in place, as every start
 *    after the first does (src/main/web/compile-cache.ts; the 0-account runs
 *    before them write it); the row n50firstStart starts the README's way on
 *    an empty cache each round, as the first start after an install does;
 *  - where the host sets NODE_EXTRA_CA_CERTS, the README's way again with it
 *    removed (n50withoutExtraCaCerts, and the npm floor the same way): see
 *    hostSetsExtraCaCerts;
 *  - the page floor, round by round beside them: a plain Node server (no app
 *    code) serving a page where React renders one code-like element
 *    (bench/floor-page/), spawn → painted the same way. With the npm floor
 *    below, it is what any React page started the README's way takes here
 *    before the app does anything;
 *  - resident memory at 0, 50 and 1,000 accounts of the web-mode process (the
 *    main-process services) and of its keychain worker, each once every
 *    secret is loaded with a window connected, and again after a forced full
 *    garbage collection (bench/gc-on-signal.cjs, preloaded by NODE_OPTIONS).
 * Prints one JSON document. Run under scripts/with-keyring.sh after a build.
 *
 *   node bench/run-ts.mjs bench/startup-bench.ts [--rounds 5]
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'vite'
import { fill, type Fill } from './fill-accounts'

type WebMode = Readonly<{ url: string; serverPid: () => number; stop: () => Promise<void> }>
type StartOptions = Readonly<{ env: NodeJS.ProcessEnv; onOutput: (text: string) => void; command?: string }>
// The README's way to start web mode, shared with e2e and the renderer bench (CommonJS, typed by JSDoc there).
const { startWebMode } = createRequire(import.meta.url)('../test/helpers/web-mode.cjs') as { startWebMode: (options: StartOptions) => Promise<WebMode> }

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } })
const rounds = Number(values.rounds)
const round = (x: number) => Math.round(x * 10) / 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

type Memory = Readonly<{ mainMb: number; workerMb: number }>
type Run = Readonly<{ urlPrintedMs: number; firstCodePaintedMs: number | null; loaded: Memory; afterGc: Memory }>

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

/** The keychain worker: the web-mode process's child running out/main/keychain-worker.js. */
function workerPid(parent: number): number {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('keychain-worker.js')) return Number(entry)
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`no keychain worker under process ${parent}`)
}

/*
 * When the first code is painted, read without Playwright's help: a mark the
 * tab sets itself (epoch ms) once a code is in the DOM and the frame after it
 * has been drawn, read over a raw DevTools session. Playwright's
 * waitForSelector injects its selector engine into the tab as the app
 * starts, and compiling it ran on the page's main thread beside the app's
 * own work (~50 ms of the figure here, more with the CPU busier); neither
 * the observer below nor Runtime.evaluate adds work there.
 */
const PAINT_MARK = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="code"]')) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__sgFirstCodePainted = performance.timeOrigin + performance.now() }))
  })
  observer.observe(document, { subtree: true, childList: true })
})()`

const withoutExtraCaCertsEnv = ({ NODE_EXTRA_CA_CERTS: _dropped, ...rest }: NodeJS.ProcessEnv): NodeJS.ProcessEnv => rest

/** Epoch ms, on the same clock as the tab's mark. */
const epochNow = () => performance.timeOrigin + performance.now()

/** Call before the page loads; the promise gives when the first code was painted (epoch ms). */
async function watchFirstCode(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(PAINT_MARK)
  const devtools = await page.context().newCDPSession(page)
  return async () => {
    const giveUpAt = epochNow() + 60_000
    for (;;) {
      const { result } = await devtools.send('Runtime.evaluate', { expression: 'window.__sgFirstCodePainted ?? null', returnByValue: true })
      if (typeof result.value === 'number') return result.value
      if (epochNow() > giveUpAt) throw new Error('no code was painted within 60 s')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/** The same command line started through npm, as `npm run web:start` does. */
const viaNpmScript = 'npm run web:start'

/** How a run starts: a command other than the README's way (viaNpmScript); an empty code cache; the environment without NODE_EXTRA_CA_CERTS. */
type RunOptions = Readonly<{ command?: string; cacheDir?: string; withoutExtraCaCerts?: boolean }>

async function run(browser: Browser, filled: Fill, accounts: number, { command, cacheDir, withoutExtraCaCerts = false }: RunOptions = {}): Promise<Run> {
  let output = ''
  // The browser is open with a tab ready before the app starts: the user opens the printed link in it.
  // (Opening a tab through Playwright takes ~300 ms here, which is the harness, not the app's start-up.)
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const painted = await watchFirstCode(page)
  // Long open, as a user's browser is: Chromium's own work of opening the tab (a renderer process) is over first.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const spawnedAt = epochNow()
  const server = await startWebMode({
    env: {
      ...(withoutExtraCaCerts ? withoutExtraCaCertsEnv(process.env) : process.env),
      NODE_OPTIONS: `--require ${JSON.stringify(path.join(root, 'bench/gc-on-signal.cjs'))}`,
      SELLERGUARD_DATA_DIR: filled.dir,
      SELLERGUARD_KEYCHAIN_SERVICE: filled.service,
      SELLERGUARD_PORT: '0',
      ...(cacheDir ? { SELLERGUARD_CACHE_DIR: cacheDir } : {}),
    },
    onOutput: (text) => void (output += text),
    ...(command ? { command } : {}),
  })
  try {
    const urlPrintedMs = epochNow() - spawnedAt
    await page.goto(server.url)
    const firstCodePaintedMs = accounts > 0 ? (await painted()) - spawnedAt : null
    // Loaded: the keychain answered, every secret is in, and the orphan check that follows has run.
    const loaded = `window.sellerguard.vault.status().then((s) => s.ok && s.value.state === 'ready' && s.value.loaded === ${accounts} && s.value.total === ${accounts})`
    await page.waitForFunction(loaded, undefined, { timeout: 120_000, polling: 200 })
    await page.waitForTimeout(2000)
    const main = server.serverPid()
    const worker = workerPid(main)
    const memory = (): Memory => ({ mainMb: round(rssMb(main)), workerMb: round(rssMb(worker)) })
    const loadedMemory = memory()
    const marks = [main, worker].map((pid) => `SELLERGUARD_BENCH_GC_DONE ${pid}`)
    for (const pid of [main, worker]) process.kill(pid, 'SIGUSR2')
    while (!marks.every((mark) => output.includes(mark))) await new Promise((resolve) => setTimeout(resolve, 20))
    // The pages freed by the collection go back to the OS shortly after it.
    await page.waitForTimeout(500)
    const afterGc = memory()
    return { urlPrintedMs: round(urlPrintedMs), firstCodePaintedMs: firstCodePaintedMs === null ? null : round(firstCodePaintedMs), loaded: loadedMemory, afterGc }
  } finally {
    await page.close()
    await server.stop()
  }
}

/**
 * The least a start can take here: a script that only prints the address
 * line (no app at all), started as the README's way starts the app (Node
 * alone, from the shell) or, `viaNpm`, through npm as `npm run web:start`
 * does (npm, sh and Node).
 */
async function floorMs(env: NodeJS.ProcessEnv, viaNpm: boolean): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-floor-'))
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, scripts: { start: 'node floor.js' } }))
  writeFileSync(path.join(dir, 'floor.js'), "process.stdout.write('SELLERGUARD_URL=http://127.0.0.1:1/\\n')\nsetInterval(() => undefined, 1000)\n")
  try {
    const spawnedAt = performance.now()
    const command = viaNpm ? `npm --prefix ${JSON.stringify(dir)} run start` : `node ${JSON.stringify(path.join(dir, 'floor.js'))}`
    const floor = await startWebMode({ env, onOutput: () => undefined, command })
    const ms = performance.now() - spawnedAt
    await floor.stop()
    return round(ms)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The page floor (bench/floor-page/), built once with the app's React and Vite into `outDir`. */
async function buildFloorPage(outDir: string): Promise<void> {
  await build({ root: path.join(root, 'bench/floor-page'), configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } })
}

/** Spawn → painted for the page floor, opened as the app's link is (a tab open 1.5 s before). */
async function pageFloorMs(browser: Browser, builtDir: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const painted = await watchFirstCode(page)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const spawnedAt = epochNow()
  const server = await startWebMode({ env: process.env, onOutput: () => undefined, command: `node bench/floor-page/server.cjs ${JSON.stringify(builtDir)}` })
  try {
    await page.goto(server.url)
    return round((await painted()) - spawnedAt)
  } finally {
    await page.close()
    await server.stop()
  }
}

const floorPage = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-floor-page-'))
await buildFloorPage(floorPage)
const pageFloors: number[] = []

/*
 * Some hosts (this project's build machines among them, and many corporate
 * ones) set NODE_EXTRA_CA_CERTS: every Node process then reads and parses
 * that certificate bundle as it starts, npm and web mode's own included
 * (~60–85 ms of CPU each here; the keychain worker is started without it).
 * The row n50withoutExtraCaCerts starts the README's way with it removed,
 * as a user's terminal has it, beside the rows that keep the host's.
 */
const hostSetsExtraCaCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined
const nodeFloors: number[] = []
const npmFloors: number[] = []
const plainEnvFloors: number[] = []
for (let r = 0; r < rounds; r++) {
  nodeFloors.push(await floorMs(process.env, false))
  npmFloors.push(await floorMs(process.env, true))
  if (hostSetsExtraCaCerts) plainEnvFloors.push(await floorMs(withoutExtraCaCertsEnv(process.env), false))
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const results: Record<string, unknown> = {}
try {
  for (const accounts of [0, 50, 1000]) {
    const filled = await fill(accounts, null)
    const runs: Run[] = []
    const npmScriptRuns: Run[] = []
    const firstStartRuns: Run[] = []
    const plainEnvRuns: Run[] = []
    // The timing goal is at 50 accounts: more rounds there; memory varies little between rounds.
    for (let r = 0; r < (accounts === 50 ? rounds : 2); r++) {
      runs.push(await run(browser, filled, accounts))
      // Round by round beside the README's way, so both see the same machine.
      if (accounts === 50) npmScriptRuns.push(await run(browser, filled, accounts, { command: viaNpmScript }))
      if (accounts === 50) {
        const empty = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-cache-'))
        firstStartRuns.push(await run(browser, filled, accounts, { cacheDir: empty }))
        rmSync(empty, { recursive: true, force: true })
        pageFloors.push(await pageFloorMs(browser, floorPage))
        if (hostSetsExtraCaCerts) plainEnvRuns.push(await run(browser, filled, accounts, { withoutExtraCaCerts: true }))
      }
    }
    if (accounts === 50) {
      results.n50npmScript = {
        command: viaNpmScript,
        runs: npmScriptRuns,
        firstCodePaintedMsMedian: median(npmScriptRuns.map((r) => r.firstCodePaintedMs ?? NaN)),
        urlPrintedMsMedian: median(npmScriptRuns.map((r) => r.urlPrintedMs)),
      }
      results.n50withoutExtraCaCerts = hostSetsExtraCaCerts
        ? {
            runs: plainEnvRuns,
            firstCodePaintedMsMedian: median(plainEnvRuns.map((r) => r.firstCodePaintedMs ?? NaN)),
            urlPrintedMsMedian: median(plainEnvRuns.map((r) => r.urlPrintedMs)),
          }
        : { skipped: 'NODE_EXTRA_CA_CERTS is not set here: n50 is this start' }
      results.n50firstStart = {
        runs: firstStartRuns,
        firstCodePaintedMsMedian: median(firstStartRuns.map((r) => r.firstCodePaintedMs ?? NaN)),
        urlPrintedMsMedian: median(firstStartRuns.map((r) => r.urlPrintedMs)),
      }
    }
    process.stderr.write(`startup bench: ${accounts} accounts done\n`)
    const of = (pick: (r: Run) => number) => median(runs.map(pick))
    results[`n${accounts}`] = {
      accounts,
      runs,
      firstCodePaintedMsMedian: accounts > 0 ? of((r) => r.firstCodePaintedMs ?? NaN) : null,
      urlPrintedMsMedian: of((r) => r.urlPrintedMs),
      mainRssLoadedMbMedian: of((r) => r.loaded.mainMb),
      mainRssAfterGcMbMedian: of((r) => r.afterGc.mainMb),
      workerRssLoadedMbMedian: of((r) => r.loaded.workerMb),
      workerRssAfterGcMbMedian: of((r) => r.afterGc.workerMb),
    }
  }
} finally {
  await browser.close()
  rmSync(floorPage, { recursive: true, force: true })
}

const note = 'web mode started the README\'s way: the command line npm run web starts the server with after its build (web:start\'s: node and its flags from package.json), run by the shell with no npm before it; n50npmScript: the same command line through npm run web:start (spawn includes npm and sh; timing only); the browser tab is open before the spawn and the link is opened in it; keytar in the keychain worker process, measured on its own; every row but n50firstStart starts with the code cache written by an earlier start; n50withoutExtraCaCerts: the README\'s way with NODE_EXTRA_CA_CERTS removed from the environment (set on this host; a user\'s terminal has none); painted is a mark the tab sets one frame after the first code is in the DOM, read over a raw DevTools session (no Playwright script in the tab)'
// floorMs: spawn to the address line of an empty script started the same way (Node alone; npm, sh and Node for the npm floor), the part of every start-up figure no app change can remove.
// pageFloorMs: spawn to painted of a plain Node server and a one-element React page (bench/floor-page/), started as the README's way starts the app.
const floor = {
  nodeFloorRuns: nodeFloors,
  nodeFloorMsMedian: median(nodeFloors),
  npmFloorRuns: npmFloors,
  npmFloorMsMedian: median(npmFloors),
  ...(hostSetsExtraCaCerts ? { nodeFloorWithoutExtraCaCertsRuns: plainEnvFloors, nodeFloorWithoutExtraCaCertsMsMedian: median(plainEnvFloors) } : {}),
  pageFloorRuns: pageFloors,
  pageFloorMsMedian: median(pageFloors),
}
process.stdout.write(`${JSON.stringify({ bench: 'startup', keychain: 'gnome-keyring (Secret Service)', note, floor, ...results }, null, 2)}\n`)
