// @ts-check
/**
 * Renderer benchmark in web mode with Debian's Chromium: starts the built
 * web server the README's way (the command line `npm run web` starts it with
 * after its build) on a data folder and keychain service that
 * already hold N accounts (see vault-bench.ts --keep), then measures
 *  - cold start: process spawn → URL printed → first code painted;
 *  - time to first code painted after navigation (and after first paint);
 *  - renderer scripting time per second while idle (CDP Performance.getMetrics,
 *    ScriptDuration delta), over a window that includes a period boundary;
 *  - JS heap used;
 *  - search latency per keystroke (input event → list updated and painted);
 *  - resident memory of the web-mode process (the main-process services),
 *    the node process under npm and sh in the started process group.
 * Prints one JSON document.
 *
 *   node bench/renderer-bench.mjs --data-dir DIR --service NAME [--idle-seconds 30]
 */
import { chromium } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startWebMode } from '../test/helpers/web-mode.cjs'

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, service: { type: 'string' }, 'idle-seconds': { type: 'string', default: '30' } } })
if (!values['data-dir'] || !values.service) throw new Error('--data-dir and --service are required')
const idleSeconds = Number(values['idle-seconds'])
const round = (/** @type {number} */ x) => Math.round(x * 100) / 100

const spawnedAt = performance.now()
// Started as the README's `npm run web` starts it after its build (web:start's command line, no second npm).
const server = await startWebMode({
  env: { ...process.env, SELLERGUARD_DATA_DIR: values['data-dir'], SELLERGUARD_KEYCHAIN_SERVICE: values.service, SELLERGUARD_PORT: '0' },
  onOutput: (text) => void process.stderr.write(text.replace(/(token|code)=\w+/g, '$1=…')),
})
const { url } = server
const urlPrintedMs = performance.now() - spawnedAt

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
const cdp = await page.context().newCDPSession(page)
await cdp.send('Performance.enable')
await page.goto(url)
await page.waitForSelector('[data-testid="code"]', { timeout: 30_000 })
const paint = await page.evaluate(
  () =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          const fp = performance.getEntriesByName('first-paint')[0]?.startTime ?? null
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
          const mark = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? null
          resolve({
            firstCodePaintedMs: performance.now(),
            firstPaintMs: fp,
            firstContentfulPaintMs: fcp,
            scriptStartMs: mark('sg:script-start'),
            storeLoadedMs: mark('sg:store-loaded'),
            firstFramesMs: mark('sg:first-frames'),
          })
        }),
      ),
    ),
)
const coldStartToFirstCodeMs = performance.now() - spawnedAt

// Warm: the services have loaded every secret; the window is opened again (from the tray, or a reload).
await page.waitForTimeout(3000)
const serverPid = server.serverPid()
const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1] ?? NaN)
const rssLoadedKb = rssKb()
await page.reload()
await page.waitForSelector('[data-testid="code"]', { timeout: 30_000 })
const warm = await page.evaluate(
  () =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        setTimeout(() =>
          resolve({
            firstCodePaintedMs: performance.now(),
            firstPaintMs: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
            scriptStartMs: performance.getEntriesByName('sg:script-start')[0]?.startTime ?? null,
          }),
        ),
      ),
    ),
)
const rows = await page.locator('[data-testid="code-row"]').count()
const accountsShown = await page.evaluate(async () => (await window.sellerguard.accounts.list()).ok)

/** @param {string} name @param {{name: string, value: number}[]} metrics */
const metric = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? NaN
await page.waitForTimeout(2000)
const before = (await cdp.send('Performance.getMetrics')).metrics
await page.waitForTimeout(idleSeconds * 1000)
const after = (await cdp.send('Performance.getMetrics')).metrics
const scriptMsPerSecond = ((metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000) / idleSeconds
const taskMsPerSecond = ((metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000) / idleSeconds
const layoutMsPerSecond = ((metric(after, 'LayoutDuration') - metric(before, 'LayoutDuration')) * 1000) / idleSeconds
await cdp.send('HeapProfiler.collectGarbage')
const heap = (await cdp.send('Performance.getMetrics')).metrics

// Search: one keystroke at a time. React handles input events synchronously
// (discrete events), so the list is filtered and rendered when dispatch
// returns; then wait for the next frame to include style, layout and paint.
const search = await page.evaluate(async () => {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('input[type="search"]'))
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  const times = []
  const processing = []
  const terms = ['a', 'am', 'ama', 'amaz', 'amazo', 'amazon', 'amazon ', 'amazon 1', 'amazon 12', '', 'k', 'kd', 'kdp', '', 's', 'se', 'sel', 'sell', 'selle', 'seller', 'seller9', 'seller99', '']
  for (const term of terms) {
    const t0 = performance.now()
    setter?.call(input, term)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    processing.push(performance.now() - t0)
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
    times.push(performance.now() - t0)
  }
  return { terms, times, processing }
})
const pct = (/** @type {number[]} */ xs, /** @type {number} */ q) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? NaN)

const rssEndKb = rssKb()
await browser.close()
await server.stop()

process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'renderer',
      accounts: accountsShown ? 'loaded' : 'error',
      rowsRendered: rows,
      webMode: {
        urlPrintedMs: round(urlPrintedMs),
        coldStartToFirstCodeMs: round(coldStartToFirstCodeMs),
        // The services with every account loaded, once start-up settled (the goal's figure)…
        servicesRssMb: round(rssLoadedKb / 1024),
        // …and after the whole session (30 s idle, a reload, searches): garbage not yet collected included.
        servicesRssAtEndMb: round(rssEndKb / 1024),
      },
      firstCode: { coldServices: paint, warmServices: warm },
      idle: { seconds: idleSeconds, scriptMsPerSecond: round(scriptMsPerSecond), taskMsPerSecond: round(taskMsPerSecond), layoutMsPerSecond: round(layoutMsPerSecond) },
      jsHeapUsedMb: round(metric(heap, 'JSHeapUsedSize') / 1024 / 1024),
      searchMsPerKeystroke: {
        keystrokes: search.times.length,
        filterAndRenderMedian: pct(search.processing, 0.5),
        filterAndRenderP95: pct(search.processing, 0.95),
        toNextFrameMedian: pct(search.times, 0.5),
        toNextFrameP95: pct(search.times, 0.95),
        // Each keystroke's search text and its two times, ms: the slow ones are those that bring new rows into view.
        each: search.terms.map((term, i) => ({ term, filterAndRender: round(search.processing[i] ?? NaN), toNextFrame: round(search.times[i] ?? NaN) })),
      },
    },
    null,
    2,
  )}\n`,
)
