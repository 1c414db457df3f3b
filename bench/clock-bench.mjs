// @ts-check
/**
 * Clock benchmark: our SNTP client next to two reference clients (ntpdig and
 * `chronyd -Q`) against chronyd servers on loopback whose truth we know
 * (0 ms, and +90 000 ms under libfaketime), then one full multi-server check
 * with a dead server. Prints one JSON document on stdout; progress on stderr.
 *
 *   node bench/clock-bench.mjs [--rounds 20] [--chronyd-runs 2]
 *
 * Plain Node ESM: the TypeScript sources are loaded with Vite's module
 * runner (`runnerImport`, vite is already a dev dependency), so no build
 * step and no extra package. Needs Linux with chrony and faketime; the
 * ntpdig part also needs ntpsec-ntpdig and root (its servers sit on
 * 127.0.0.2:123 and 127.0.0.3:123, since ntpdig only speaks to port 123).
 * Every chronyd runs with -x and is killed by PID at the end.
 */
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runnerImport } from 'vite'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, 'chronyd-runs': { type: 'string', default: '2' } },
})
const rounds = Number(args.rounds)
const chronydRuns = Number(args['chronyd-runs'])
const SKEW_MS = 90_000
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`)

/** @param {string} file */
async function load(file) {
  const { module } = await runnerImport(path.join(root, file), { configFile: false, logLevel: 'error', root })
  return module
}
const clock = await load('src/main/clock/index.ts')
const clockService = await load('src/main/clock/clock-service.ts')
const httpsCheck = await load('src/main/clock/https-check.ts')
const httpsTransport = await load('src/main/clock/https-transport.ts')
const helpers = await load('test/helpers/chronyd.ts')
const httpsHelpers = await load('test/helpers/https-date-server.ts')
const { defaultSettings } = await load('src/shared/contract/index.ts')

/** @param {number[]} values */
function stats(values) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000
  return { n: values.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) }
}

/** Runs a command, resolving with its output and how long it took, ms. */
function run(/** @type {string} */ file, /** @type {string[]} */ argv) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (out += c))
    child.on('close', (code) => resolve({ code, out, ms: performance.now() - started }))
    child.on('error', (e) => resolve({ code: -1, out: String(e), ms: performance.now() - started }))
  })
}

/** Per client and per truth: offset errors and latencies. */
function collector() {
  /** @type {Record<string, { errorMs: number[]; latencyMs: number[]; failures: string[] }>} */
  const byCase = {}
  return {
    add(/** @type {string} */ key, /** @type {number | null} */ errorMs, /** @type {number} */ latencyMs, /** @type {string | null} */ failure = null) {
      const c = (byCase[key] ??= { errorMs: [], latencyMs: [], failures: [] })
      if (errorMs !== null) c.errorMs.push(errorMs)
      c.latencyMs.push(latencyMs)
      if (failure !== null) c.failures.push(failure)
    },
    report() {
      return Object.fromEntries(
        Object.entries(byCase).map(([key, c]) => [
          key,
          { offsetErrorMs: stats(c.errorMs), absOffsetErrorMs: stats(c.errorMs.map(Math.abs)), latencyMs: stats(c.latencyMs), failures: c.failures.slice(0, 5) },
        ]),
      )
    },
  }
}

/** @type {{ stop(): Promise<void> }[]} */
const servers = []
async function start(/** @type {Record<string, unknown>} */ options) {
  const server = await helpers.startChronyd(options)
  servers.push(server)
  return server
}
const stopAll = () => Promise.allSettled(servers.splice(0).map((s) => s.stop()))
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)))

const unavailable = helpers.chronydUnavailable() ?? helpers.faketimeUnavailable()
if (unavailable !== null) {
  log(`clock bench skipped: ${unavailable}`)
  console.log(JSON.stringify({ skipped: unavailable }))
  process.exit(0)
}

try {
  log('starting chronyd servers on loopback…')
  const normal = await start({})
  const skewed = await start({ skew: '+90s' })
  const normal2 = await start({})

  let ntpdigSkip = null
  if (spawnSync('ntpdig', ['--version']).error) ntpdigSkip = 'ntpdig not installed (apt-get install ntpsec-ntpdig)'
  else if (process.getuid?.() !== 0) ntpdigSkip = 'ntpdig needs servers on port 123: run as root'
  if (ntpdigSkip === null) {
    await start({ address: '127.0.0.2', port: 123, allow: '127.0.0.0/8' })
    await start({ address: '127.0.0.3', port: 123, allow: '127.0.0.0/8', skew: '+90s' })
  }

  const truths = [
    { name: 'normal', truthMs: 0, port: normal.port, ntpdigHost: '127.0.0.2' },
    { name: 'skewed+90s', truthMs: SKEW_MS, port: skewed.port, ntpdigHost: '127.0.0.3' },
  ]
  const client = clock.createSntpClient({ now: Date.now })
  const results = collector()

  log(`${rounds} rounds: our client and ntpdig against both servers…`)
  for (let round = 0; round < rounds; round++) {
    for (const t of truths) {
      const started = performance.now()
      const ours = await client.query('127.0.0.1', t.port)
      const ms = performance.now() - started
      if (ours.ok) results.add(`sellerguard/${t.name}`, ours.value.offsetMs - t.truthMs, ms)
      else results.add(`sellerguard/${t.name}`, null, ms, JSON.stringify(ours.error))

      if (ntpdigSkip === null) {
        const dig = await run('ntpdig', ['-j', '-t', '2', t.ntpdigHost])
        let offsetMs = null
        try {
          offsetMs = JSON.parse(dig.out.trim().split('\n').find((l) => l.startsWith('{')) ?? 'null')?.offset * 1000
        } catch {
          offsetMs = null
        }
        if (typeof offsetMs === 'number' && Number.isFinite(offsetMs)) results.add(`ntpdig/${t.name}`, offsetMs - t.truthMs, dig.ms)
        else results.add(`ntpdig/${t.name}`, null, dig.ms, dig.out.slice(0, 200))
      }
    }
  }

  log(`${chronydRuns} chronyd -Q runs per server (~4 s each)…`)
  for (let i = 0; i < chronydRuns; i++) {
    for (const t of truths) {
      const argv = ['-x', '-Q', '-t', '8', `server 127.0.0.1 port ${t.port} iburst`]
      const q = spawnSync('setpriv', ['--version']).error ? await run('chronyd', argv) : await run('setpriv', ['--bounding-set=-sys_time', '--', 'chronyd', ...argv])
      const match = /System clock wrong by (-?[\d.]+) seconds/.exec(q.out)
      // chronyd prints how far the system clock is behind the server: the same sign as our offset.
      if (match) results.add(`chronyd-Q/${t.name}`, Number(match[1]) * 1000 - t.truthMs, q.ms)
      else results.add(`chronyd-Q/${t.name}`, null, q.ms, q.out.slice(-200))
    }
  }

  log('multi-server checks: 4 servers, one dead…')
  const dead = await helpers.freeUdpPort('127.0.0.1')
  const checkServers = [`127.0.0.1:${normal.port}`, `127.0.0.1:${normal2.port}`, `127.0.0.1:${skewed.port}`, `127.0.0.1:${dead}`]
  /** @param {Record<string, number>} options */
  async function fullCheck(options) {
    const check = clock.createClockCheck({ client, now: Date.now, options })
    const started = performance.now()
    const reading = await check(checkServers)
    const elapsedMs = Math.round(performance.now() - started)
    return {
      options: { samplesPerServer: 4, sampleSpacingMs: 2000, timeoutMs: clock.DEFAULT_QUERY_TIMEOUT_MS, ...options },
      elapsedMs,
      kind: reading.kind,
      offsetMs: reading.kind === 'measured' ? reading.offsetMs : null,
      errorMs: reading.kind === 'measured' ? reading.errorMs : null,
      state: clock.classifyReading(reading),
      used: reading.used.map((/** @type {{ server: string; offsetMs: number; delayMs: number }} */ u) => ({ server: u.server, offsetMs: u.offsetMs, delayMs: u.delayMs })),
      rejected: reading.rejected.map((/** @type {{ server: string; reason: string; detail: string }} */ r) => ({ server: r.server, reason: r.reason, detail: r.detail })),
    }
  }
  const checks = {
    productionDefaults: await fullCheck({}),
    loopbackFast: await fullCheck({ sampleSpacingMs: 10 }),
  }

  // First verdict: the clock service as the app runs it (production sampling), 4 servers of which one is dead.
  log('first verdict: clock service, 4 servers (one dead), production sampling…')
  const normal3 = await start({})
  const verdictServers = [`127.0.0.1:${normal.port}`, `127.0.0.1:${normal2.port}`, `127.0.0.1:${normal3.port}`, `127.0.0.1:${dead}`]
  /** @type {{ firstVerdictMs: number; finalMs: number; firstOffsetMs: number; finalOffsetMs: number }[]} */
  const verdictRuns = []
  for (let i = 0; i < 5; i++) {
    const settings = { ...defaultSettings, ntpServers: verdictServers, httpsTimeFallback: false }
    const service = clockService.createClockService({ now: Date.now, settings: () => settings, log: { info() {}, warn() {}, error() {} } })
    const started = performance.now()
    const run = await new Promise((resolve) => {
      /** @type {{ ms: number; offsetMs: number } | null} */
      let first = null
      service.onChange((/** @type {import('../src/shared/contract').ClockStatus} */ status) => {
        if (status.measurement && first === null) first = { ms: performance.now() - started, offsetMs: status.measurement.offsetMs }
        if (!status.checking && status.checkedAt !== null) resolve({ firstVerdictMs: first?.ms ?? NaN, finalMs: performance.now() - started, firstOffsetMs: first?.offsetMs ?? NaN, finalOffsetMs: status.measurement?.offsetMs ?? NaN })
      })
      service.start()
    })
    service.stop()
    verdictRuns.push(/** @type {any} */ (run))
  }
  const firstVerdict = {
    servers: verdictServers,
    runs: verdictRuns,
    firstVerdictMs: stats(verdictRuns.map((r) => r.firstVerdictMs)),
    finalMs: stats(verdictRuns.map((r) => r.finalMs)),
  }

  // HTTPS Date fallback against loopback HTTPS servers under libfaketime (truth = their skew).
  let httpsFallback = null
  const httpsSkip = httpsHelpers.httpsDateServerUnavailable()
  if (httpsSkip !== null) httpsFallback = { skipped: httpsSkip }
  else {
    log('HTTPS Date fallback: loopback servers at several offsets…')
    const cert = await httpsHelpers.makeLoopbackCert()
    /** @type {{ stop(): Promise<void>; host: string }[]} */
    const sites = []
    try {
      const now = clock.createPreciseClock({ now: Date.now, hrNow: () => performance.now() })
      const check = httpsCheck.createHttpsCheck({ now, transport: () => httpsTransport.createHttpsDateTransport({ now, ca: cert.pem }) })
      const cases = []
      for (const skew of [37, -120, 19_808.35, -0.35]) {
        const group = await Promise.all([0, 1, 2].map(() => httpsHelpers.startHttpsDateServer(cert, { skewSeconds: skew })))
        sites.push(...group)
        for (let round = 0; round < 3; round++) {
          const t0 = performance.now()
          const reading = await check(group.map((/** @type {{ host: string }} */ s) => s.host))
          const elapsedMs = performance.now() - t0
          const truthMs = skew * 1000
          const errorMs = reading.kind === 'measured' ? reading.offsetMs - truthMs : null
          cases.push({ skewS: skew, elapsedMs: Math.round(elapsedMs), kind: reading.kind, errorMs, boundMs: reading.kind === 'measured' ? reading.errorMs : null, contains: errorMs !== null && Math.abs(errorMs) <= reading.errorMs })
        }
      }
      const measured = cases.filter((c) => c.errorMs !== null)
      httpsFallback = {
        hostsPerCheck: 3,
        cases,
        absErrorMs: stats(measured.map((c) => Math.abs(/** @type {number} */ (c.errorMs)))),
        boundMs: stats(measured.map((c) => /** @type {number} */ (c.boundMs))),
        elapsedMs: stats(cases.map((c) => c.elapsedMs)),
        boundAlwaysContainsTruth: cases.every((c) => c.contains),
      }
    } finally {
      await Promise.allSettled(sites.map((s) => s.stop()))
      await cert.remove()
    }
  }

  console.log(
    JSON.stringify(
      {
        bench: 'clock',
        node: process.version,
        rounds,
        chronydRuns,
        truth: { normalMs: 0, skewedMs: SKEW_MS },
        ntpdig: ntpdigSkip === null ? 'ran' : `skipped: ${ntpdigSkip}`,
        clients: results.report(),
        multiServerCheck: { servers: checkServers, dead: `127.0.0.1:${dead}`, ...checks },
        firstVerdict,
        httpsFallback,
      },
      null,
      2,
    ),
  )
} finally {
  await stopAll()
  log('all chronyd stopped')
}
