#!/usr/bin/env node
// Writes docs/QUALITY.md from the JSON the benchmarks write (bench/results/*.json).
// Every figure in it comes from those files, with the command that produced it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (name) => {
  const file = path.join(root, 'bench/results', `${name}.json`)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}
const get = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj)
const fmt = (v) => (v === undefined || v === null || Number.isNaN(v) ? 'n/a' : typeof v === 'number' ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100)) : String(v))

/** [bench, json path, what, unit, goal (text), check (value → met?)] */
const ROWS = [
  ['vault', 'data.n50.firstCodeMsMedian', 'First code from the keychain, 50 accounts (cold start, median of 3)', 'ms', '≤ 300', (v) => v <= 300],
  ['vault', 'data.n50.allCodesMsMedian', 'All codes, 50 accounts', 'ms', '—', null],
  ['vault', 'data.n1000.firstCodeMsMedian', 'First code, 1,000 accounts', 'ms', '—', null],
  ['vault', 'data.n1000.allCodesMsMedian', 'All codes, 1,000 accounts (streamed)', 'ms', '≤ 1,500', (v) => v <= 1500],
  ['vault', 'data.n1000.codesPerSecond', 'Codes per second, 1,000 accounts (frames: code + next)', '/s', '—', null],
  ['codes', 'data.results.otp/generate\\.ts totpCode (otpauth, Secret per call).codesPerSecond', 'TOTP codes per second (otpauth, as the app calls it)', '/s', '—', null],
  ['codes', 'data.results.node:crypto reference.codesPerSecond', 'TOTP codes per second (node:crypto reference, same run)', '/s', '—', null],
  ['renderer', 'data.webMode.servicesRssMb', 'Resident memory of the main-process services, 1,000 accounts loaded (web mode)', 'MB', '≤ 120', (v) => v <= 120],
  ['renderer', 'data.webMode.servicesRssAtEndMb', 'Same, after the whole benchmark session (idle, reload, searches)', 'MB', '—', null],
  ['renderer', 'data.firstCode.warmServices.firstCodePaintedMs', 'First code painted after navigation, 1,000 accounts (services loaded)', 'ms', '—', null],
  ['renderer', 'data.firstCode.warmServices.firstPaintMs', 'First paint after navigation (the window shows)', 'ms', '—', null],
  ['renderer', 'firstCodeAfterPaint', 'First code painted after the first paint, 1,000 accounts', 'ms', '≤ 300', (v) => v <= 300],
  ['renderer', 'data.firstCode.coldServices.firstCodePaintedMs', 'First code painted, services started at the same moment (cold)', 'ms', '—', null],
  ['renderer', 'data.idle.scriptMsPerSecond', 'Renderer scripting per second of idle ticking, 1,000 accounts', 'ms/s', '≤ 2', (v) => v <= 2],
  ['renderer', 'data.jsHeapUsedMb', 'Renderer JS heap, 1,000 accounts', 'MB', '≤ 30', (v) => v <= 30],
  ['renderer', 'data.searchMsPerKeystroke.filterAndRenderP95', 'Search: filter and render per keystroke (p95)', 'ms', '≤ 16', (v) => v <= 16],
  ['renderer', 'data.searchMsPerKeystroke.toNextFrameP95', 'Search: keystroke to next frame (p95)', 'ms', '—', null],
  ['renderer', 'data.webMode.coldStartToFirstCodeMs', 'Web mode cold start: process spawn to first code painted, 1,000 accounts', 'ms', '—', null],
  ['import', 'importMaxStall', 'Longest main-thread stall during a 1,000-entry import (preview or confirm, any format family; delays code frames)', 'ms', '≤ 16.7 (one frame)', (v) => v <= 1000 / 60],
  ['import', 'importMaxBusy', 'Of that: the most the main thread itself ran (work or GC) between two ticks; the rest of a stall it waited for a CPU (Linux scheduler figures)', 'ms', '≤ 16.7 (one frame)', (v) => v <= 1000 / 60],
  ['import', 'importMaxRunQueue', 'Of that: the most the main thread waited, runnable, for a CPU between two ticks (2 cores shared with the keychain worker, gnome-keyring and D-Bus)', 'ms', '—', null],
  ['import', 'importMaxGcPause', 'Of the busy time: the longest garbage-collection pause (no slicing cuts one)', 'ms', '—', null],
  ['import', 'importMaxFrameGap', 'Longest gap between code frames (asked for once a display frame) during a 1,000-entry import', 'ms', '< 33.3 (no frame missed)', (v) => v < 2000 / 60],
  ['import-ui', 'data.longestFrameGapMs', 'What the user sees: longest gap between display frames of the page (Chromium, web mode, 50 accounts shown) while a 1,000-entry import is previewed and confirmed', 'ms', '< 33.3 (no frame missed)', (v) => v < 2000 / 60],
  ['import-ui', 'data.framesMissed', 'Same import: how many gaps between display frames missed a frame (over 33.3 ms; about 2,600 frames in all)', 'gaps', '—', null],
  ['import-ui', 'data.confirmHost.stealPercent', 'Same import: share of the machine’s CPU time its host took (virtual-machine steal, /proc/stat) during the confirm; gaps then grow with no more work on the page', '%', '—', null],
  ['import-ui', 'data.confirmPageMainThread.waitForCpuMs', 'Same import: time the page’s main thread was runnable but waiting for a CPU during the confirm (/proc schedstat; beside its time on a CPU, data.confirmPageMainThread.runMs)', 'ms', '—', null],
  ['import-ui', 'data.longestStaleCodeMs', 'Same import: longest time the first row showed a code past its period (the confirm crosses a 30 s boundary; checked against otpauth)', 'ms', '—', null],
  ['import', 'data.families.text (otpauth list).1000.confirm.ms', 'Import confirm, 1,000 accounts into gnome-keyring', 'ms', '—', null],
  ['import', 'data.families.text (otpauth list).1000.confirm.allCodesMs', "That confirm, until the push with every account's code (the new ones' first; a reply before it has the codes already computed)", 'ms', '—', null],
  ['clock', 'data.firstVerdict.firstVerdictMs.median', 'First clock verdict after start, 4 NTP servers (one dead), production sampling (median of 5)', 'ms', '≤ 1,500', (v) => v <= 1500],
  ['clock', 'data.firstVerdict.finalMs.median', 'Refined verdict (all 4 samples per server, 2 s apart), same runs', 'ms', '—', null],
  ['clock', 'data.httpsFallback.absErrorMs.max', 'HTTPS Date fallback: largest absolute error against the truth (loopback, 4 offsets × 3 runs, 3 sites each)', 'ms', '≤ 100', (v) => v <= 100],
  ['clock', 'data.httpsFallback.boundMs.max', 'HTTPS Date fallback: widest error bound reported (±)', 'ms', '—', null],
  ['clock', 'data.httpsFallback.elapsedMs.median', 'HTTPS Date fallback: one check, median', 'ms', '—', null],
  ['clock', 'data.httpsFallback.boundAlwaysContainsTruth', 'HTTPS Date fallback: the bound contained the truth in every run', '', 'yes', (v) => v === true],
  ['backup', 'data.n50.backupMsMedian', 'Automatic backup, 50 accounts: seal with the session key, atomic write, read back and check, rotate (median of 5)', 'ms', '—', null],
  ['backup', 'data.n1000.backupMsMedian', 'Automatic backup, 1,000 accounts (same steps)', 'ms', '—', null],
  ['backup', 'data.n50.firstBackupMs', 'First automatic backup of a session, 50 accounts (also derives the key: scrypt N=2^17)', 'ms', '—', null],
  ['backup', 'data.n1000.firstBackupMs', 'First automatic backup of a session, 1,000 accounts', 'ms', '—', null],
  ['backup', 'data.n1000.drillMsMedian', 'Restore drill ("Verify backups"), 1,000 accounts: scrypt from the file, decrypt, compare with the vault', 'ms', '—', null],
  ['backup', 'data.n1000.longestEventLoopStallMs', 'Longest main-process event-loop stall during an automatic backup, 1,000 accounts', 'ms', '—', null],
  ['backup', 'data.n1000.fileKb', 'Size of one automatic backup, 1,000 accounts', 'KiB', '—', null],
  ['startup', 'data.n50.firstCodePaintedMsMedian', 'Web mode start-up the README\'s way (the `node` command line `npm run web` starts the server with after its build, web:start\'s, with no second npm): process spawn to first code painted, 50 accounts (median)', 'ms', '≤ 800', (v) => v <= 800],
  ['startup', 'data.n50.urlPrintedMsMedian', 'Same way: process spawn to serving (URL printed), 50 accounts', 'ms', '—', null],
  ['startup', 'data.floor.nodeFloorMsMedian', 'Same way, an empty script instead of the app: Node alone, spawn to its first line (the floor of both figures above)', 'ms', '—', null],
  ['startup', 'data.floor.pageFloorMsMedian', 'Page floor: a plain Node server with no app code serving a page where React renders one code-like element (bench/floor-page/), started the same way, spawn to painted the same way: the least any React page started the README\'s way takes here', 'ms', '—', null],
  ['startup', 'data.n50npmScript.firstCodePaintedMsMedian', 'Web mode start-up through `npm run web:start` (the same command line with npm and sh before it: serving the last build through npm, and the README\'s way until `npm run web` ran the command line itself): spawn to first code painted, 50 accounts (median)', 'ms', '≤ 800', (v) => v <= 800],
  ['startup', 'data.n50npmScript.urlPrintedMsMedian', 'Same start through npm: spawn to serving (URL printed), 50 accounts', 'ms', '—', null],
  ['startup', 'data.floor.npmFloorMsMedian', 'Same start through npm, an empty script instead of the app: npm, sh and Node alone, spawn to its first line (the floor of both figures above)', 'ms', '—', null],
  ['startup', 'data.n50withoutExtraCaCerts.firstCodePaintedMsMedian', 'Web mode start-up the README\'s way with NODE_EXTRA_CA_CERTS removed from the environment: this host sets it (every Node process then parses that certificate bundle as it starts), a user\'s terminal has none. Spawn to first code painted, 50 accounts (median; — where the host does not set it)', 'ms', '≤ 800', (v) => v <= 800],
  ['startup', 'data.floor.nodeFloorWithoutExtraCaCertsMsMedian', 'Same environment, the floor: Node alone, spawn to the first line of an empty script', 'ms', '—', null],
  ['startup', 'data.n50firstStart.firstCodePaintedMsMedian', 'First start after an install, the README\'s way: the same with web mode\'s code cache empty (the rows above start with it written by an earlier start)', 'ms', '—', null],
  ['startup', 'data.n0.mainRssLoadedMbMedian', 'Main-process resident memory, 0 accounts, loaded (web mode)', 'MB', '—', null],
  ['startup', 'data.n0.mainRssAfterGcMbMedian', 'Same, after a forced full GC', 'MB', '—', null],
  ['startup', 'data.n50.mainRssLoadedMbMedian', 'Main-process resident memory, 50 accounts, loaded', 'MB', '≤ 70', (v) => v <= 70],
  ['startup', 'data.n50.mainRssAfterGcMbMedian', 'Same, after a forced full GC', 'MB', '≤ 70', (v) => v <= 70],
  ['startup', 'data.n1000.mainRssLoadedMbMedian', 'Main-process resident memory, 1,000 accounts, loaded', 'MB', '≤ 120', (v) => v <= 120],
  ['startup', 'data.n1000.mainRssAfterGcMbMedian', 'Same, after a forced full GC', 'MB', '≤ 120', (v) => v <= 120],
  ['startup', 'data.n0.workerRssLoadedMbMedian', 'Keychain worker process resident memory, 0 accounts, loaded', 'MB', '—', null],
  ['startup', 'data.n50.workerRssLoadedMbMedian', 'Keychain worker process resident memory, 50 accounts, loaded', 'MB', '—', null],
  ['startup', 'data.n1000.workerRssLoadedMbMedian', 'Keychain worker process resident memory, 1,000 accounts, loaded', 'MB', '—', null],
  ['startup', 'data.n1000.workerRssAfterGcMbMedian', 'Same, after a forced full GC', 'MB', '—', null],
  ['lock', 'data.n50.kdfMsMedian', 'App lock: one password try, 50 accounts (scrypt N=2^17, r=8: the KDF\'s own time; median of 3)', 'ms', '—', null],
  ['lock', 'data.n50.unlockToFirstCodeBeyondKdfMsMedian', 'App lock: unlock to first code beyond the KDF, 50 accounts', 'ms', '≤ 500', (v) => v <= 500],
  ['lock', 'data.n50.everyCodeAfterUnlockMsMedian', 'App lock: from the unlock reply to every code, 50 accounts', 'ms', '—', null],
  ['lock', 'data.n1000.unlockToFirstCodeBeyondKdfMsMedian', 'App lock: unlock to first code beyond the KDF, 1,000 accounts', 'ms', '—', null],
  ['lock', 'data.n1000.everyCodeAfterUnlockMsMedian', 'App lock: from the unlock reply to every code, 1,000 accounts', 'ms', '—', null],
  ['lock', 'data.n1000.enableMs', 'App lock: turning it on at 1,000 accounts (re-wraps every keychain item)', 'ms', '—', null],
]

function value(bench, doc, key) {
  if (key === 'firstCodeAfterPaint') {
    const w = get(doc, 'data.firstCode.warmServices')
    return w ? w.firstCodePaintedMs - w.firstPaintMs : undefined
  }
  const importFigures = { importMaxStall: 'maxStallMs', importMaxBusy: 'maxBusyMs', importMaxRunQueue: 'maxRunQueueMs', importMaxGcPause: 'maxGcPauseMs', importMaxFrameGap: 'maxFrameGapMs' }
  if (key in importFigures) {
    const figure = importFigures[key]
    const runs = Object.values(get(doc, 'data.families') ?? {}).map((sizes) => sizes['1000']).filter((r) => r && !r.skipped)
    const values = runs.flatMap((r) => [r.previewFirst?.[figure], r.preview?.[figure], r.confirm?.[figure]]).filter((v) => typeof v === 'number')
    return values.length > 0 ? Math.max(...values) : undefined
  }
  // Keys may contain dots inside names: "\\." escapes them.
  const parts = key.split(/(?<!\\)\./).map((p) => p.replace(/\\\./g, '.'))
  return parts.reduce((o, k) => (o == null ? undefined : o[k]), doc)
}

const lines = ['# SellerGuard — quality figures', '', 'Generated by `node scripts/quality-report.mjs` from `bench/results/*.json` (written by `npm run bench`). Do not edit by hand.', '']
const docs = Object.fromEntries(['vault', 'codes', 'renderer', 'startup', 'clock', 'import', 'import-ui', 'transfer', 'backup', 'lock'].map((n) => [n, read(n)]))
for (const [name, doc] of Object.entries(docs)) if (doc) lines.push(`- \`${name}\`: measured ${doc.measuredAt} on ${doc.machine.cpus} × ${doc.machine.model}, Node ${doc.machine.node}; command \`${doc.command}\``)
lines.push('', '## Performance', '', '| what | value | unit | goal | met | source |', '| --- | --- | --- | --- | --- | --- |')
for (const [bench, key, what, unit, goal, check] of ROWS) {
  const doc = docs[bench]
  const v = doc ? value(bench, doc, key) : undefined
  const met = check && typeof v === 'number' ? (check(v) ? 'yes' : '**no**') : '—'
  lines.push(`| ${what} | ${fmt(v)} | ${unit} | ${goal} | ${met} | \`bench/results/${bench}.json\` |`)
}

const clock = docs.clock?.data
if (clock && !clock.skipped) {
  lines.push('', '## Clock (SNTP) against chronyd on loopback', '', 'Offset error against the known truth (0 ms, and +90,000 ms under libfaketime), and latency per query. Same servers, same run.', '', '| client | server | median error (ms) | p95 abs error (ms) | median latency (ms) |', '| --- | --- | --- | --- | --- |')
  for (const row of flattenClock(clock)) lines.push(`| ${row.client} | ${row.server} | ${fmt(row.median)} | ${fmt(row.p95)} | ${fmt(row.latency)} |`)
  const multi = clock.multiServerCheck
  if (multi) {
    lines.push('', 'Full check of 4 servers (two correct, one +90 s falseticker, one dead port), per-query timeout 1,500 ms:', '', '| sampling | elapsed (ms) | result | offset (ms) | error (ms) | rejected |', '| --- | --- | --- | --- | --- | --- |')
    for (const [name, c] of Object.entries(multi).filter(([, c]) => c && typeof c === 'object' && 'elapsedMs' in c)) {
      lines.push(`| ${name} (${c.options.samplesPerServer} samples, ${c.options.sampleSpacingMs} ms apart) | ${fmt(c.elapsedMs)} | ${c.state} | ${fmt(c.offsetMs)} | ${fmt(c.errorMs)} | ${c.rejected.map((r) => r.reason).join(', ')} |`)
    }
  }
}
const imports = docs.import?.data
if (imports) lines.push(...importSection(imports))
const transfer = docs.transfer?.data
if (transfer) lines.push('', '## Import and backup', '', '```json', JSON.stringify(transfer, null, 2).slice(0, 3000), '```')

// Fault suites (npm run test:stress) write bench/results/reliability-*.json: each becomes a table of its figures.
const RELIABILITY = {
  'reliability-keychain': 'Keychain locked at random moments (real gnome-keyring; start-up, Retry, listing, add, import)',
  'reliability-web-flood': 'Web mode under a flood of idle connections',
  'reliability-process': 'Web mode killed with SIGKILL at random moments (started the README way; adds, renames, imports, backups, settings, checklist, delete and undo)',
}
const faults = Object.entries(RELIABILITY).map(([name, title]) => [title, read(name)]).filter(([, doc]) => doc)
if (faults.length > 0) lines.push('', '## Reliability under faults')
for (const [title, doc] of faults) {
  lines.push('', `### ${title}`, '', `Measured ${doc.measuredAt} on ${doc.machine.cpus} × ${doc.machine.model}, Node ${doc.machine.node}; command \`${doc.command}\``, '', '| figure | value |', '| --- | --- |')
  for (const [key, v] of Object.entries(doc.data)) lines.push(`| ${key} | ${typeof v === 'object' ? `\`${JSON.stringify(v)}\`` : fmt(v)} |`)
  if (doc.targets) lines.push('', `Targets: ${doc.targets}`)
}

writeFileSync(path.join(root, 'docs/QUALITY.md'), `${lines.join('\n')}\n`)
if (process.argv.includes('--json')) process.stdout.write('{"ok":true}\n')

function flattenClock(data) {
  // Keys are "<client>/<server>", e.g. "sellerguard/skewed".
  return Object.entries(data.clients ?? {}).map(([key, r]) => {
    const [client, server] = key.split('/')
    return { client, server, median: r?.offsetErrorMs?.median, p95: r?.absOffsetErrorMs?.p95, latency: r?.latencyMs?.median }
  })
}

/** Import preview/confirm per format family and KeePass open times (bench/import-bench.ts). */
function importSection(data) {
  const ms = (part) => (part && 'ms' in part ? fmt(part.ms) : '—')
  const busy = (part) => ('maxBusyMs' in part ? ` (${fmt(part.maxBusyMs)})` : '')
  const stall = (part) => (part && 'maxStallMs' in part ? `${fmt(part.maxStallMs)}${busy(part)} / ${fmt(part.maxFrameGapMs)}` : '—')
  const out = ['', '## Import', '', `Real keychain (gnome-keyring through the keychain worker), ${data.seededAccounts} accounts already in the vault. "Stall (busy) / frame gap": the longest gap between 5 ms timer ticks, in brackets the most the main thread itself ran within one such gap (the rest it waited for a CPU: Linux's scheduler figures for the thread), and the longest gap between code frames asked for every ${fmt(data.frameMs)} ms through the dispatch, as the renderer asks; one display frame is ${fmt(data.frameMs)} ms. 1,000 entries are confirmed for the first family only: confirming is the same keychain writes whatever the format. "First preview" is a session's first (it starts the transfer worker thread); "preview" is the next one, on the thread kept for it.`, '', '| format family | entries | first preview (ms) | stall (busy) / frame gap (ms) | preview (ms) | stall (busy) / frame gap (ms) | confirm (ms) | stall (busy) / frame gap (ms) |', '| --- | --- | --- | --- | --- | --- | --- | --- |']
  for (const [family, sizes] of Object.entries(data.families ?? {})) {
    for (const [n, r] of Object.entries(sizes)) {
      if (r.skipped) out.push(`| ${family} | ${n} | ${r.skipped} | | | | | |`)
      else out.push(`| ${family} | ${fmt(Number(n))} | ${ms(r.previewFirst)} | ${stall(r.previewFirst)} | ${ms(r.preview)} | ${stall(r.preview)} | ${ms(r.confirm)} | ${stall(r.confirm)} |`)
    }
  }
  const dialog = data.dialogFirstPreview
  if (dialog && !dialog.skipped) out.push('', `A session's first preview from the import dialog (it starts the reading thread when it opens; the file is picked a second later), ${fmt(dialog.accounts)} entries (${dialog.format}): ${fmt(dialog.ms)} ms, stall (busy) / frame gap ${stall(dialog)} ms. The first previews in the table are of a file dropped on the Codes screen, with no dialog before it.`)
  const open = data.kdbxOpen ?? {}
  if (open.skipped) return [...out, '', `KeePass open: ${open.skipped}.`]
  out.push('', 'KeePass databases made by keepassxc-cli at their own key-derivation cost, 100 entries: preview time (key derived on the transfer worker), the estimate shown as progress, main-thread stall (busy) / frame gap, and keepassxc-cli\'s own open of the same file.', '', '| database | preview (ms) | estimate (ms) | stall (busy) / frame gap (ms) | keepassxc-cli open (ms) |', '| --- | --- | --- | --- | --- |')
  for (const [db, r] of Object.entries(open)) out.push(`| ${db} | ${fmt(r.previewMs)} | ${fmt(r.estimateMs)} | ${stall(r)} | ${fmt(r.keepassxcCliOpenMs)} |`)
  return out
}
