// @ts-check
/**
 * Starts web mode the way the README does, for e2e, the benches and CI's
 * smoke test: by default the step `npm run web` starts the server with
 * once its build is done (package.json's `web` after `electron-vite build
 * && `, the same command line as `web:start`), run by the shell in the
 * repository root as npm runs it; or a whole README command line. Never a
 * command line of its own, so no test can pass while the README's command
 * is broken.
 *
 * npm runs a script as npm → sh → node, and a signal to npm alone leaves the
 * server running. So the command gets its own process group, and stop()
 * signals the whole group and waits until every member has exited: a test
 * that restarts on the same data folder never overlaps two servers.
 */
// CommonJS, so Node scripts (no build, no dependencies) and Playwright's TypeScript load the same file.
const { spawn } = require('node:child_process')
const { readFileSync, readdirSync } = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '../..')

/** What `npm run web` runs before it starts the server. */
const WEB_BUILD_STEP = 'electron-vite build && '

/**
 * The command line `npm run web` starts the server with after its build
 * (the README's run command ends in it). Throws when package.json's `web`
 * is not the build followed by one command.
 * @returns {string}
 */
function readmeStartCommand() {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const web = String(scripts?.web ?? '')
  const start = web.startsWith(WEB_BUILD_STEP) ? web.slice(WEB_BUILD_STEP.length) : ''
  if (!start || start.includes('&&')) throw new Error(`package.json's "web" script must be \`${WEB_BUILD_STEP}<start command>\`, got ${JSON.stringify(web)}`)
  return start
}

/**
 * @typedef {{
 *   url: string,
 *   origin: string,
 *   code: string,
 *   token: string,
 *   output: () => string,
 *   serverPid: () => number,
 *   running: () => boolean,
 *   stop: () => Promise<void>,
 * }} WebMode
 */

/**
 * @param {{
 *   env?: NodeJS.ProcessEnv,
 *   command?: string,
 *   timeoutMs?: number,
 *   onOutput?: (chunk: string) => void,
 * }} [options] `command`: a shell command line (default readmeStartCommand(),
 *   the step `npm run web` starts the server with), run by bash in the repository
 *   root; `onOutput` sees stdout and stderr as they come.
 * @returns {Promise<WebMode>}
 */
async function startWebMode(options = {}) {
  const command = options.command ?? readmeStartCommand()
  const child = spawn('bash', ['-c', command], {
    cwd: ROOT,
    // npm's update check would reach the registry on every start of a command that runs npm.
    env: { NPM_CONFIG_UPDATE_NOTIFIER: 'false', ...(options.env ?? process.env) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const group = /** @type {number} */ (child.pid)
  const stop = () => stopGroup(group)
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`no address after ${options.timeoutMs} ms`), options.timeoutMs ?? 60_000)
    /** @param {string} why */
    const fail = (why) => {
      clearTimeout(timer)
      void stop().then(() => reject(new Error(`\`${command}\`: ${why}\n${output.slice(-4000)}`)))
    }
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      const text = chunk.toString()
      output += text
      options.onOutput?.(text)
      const match = /^SELLERGUARD_URL=(\S+)$/m.exec(output)
      // With the e2e hooks on, the session token for them comes on the next line.
      if (match && (options.env?.SELLERGUARD_TEST_HOOKS !== '1' || /^SELLERGUARD_TEST_TOKEN=/m.test(output))) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before printing its address`))
  })
  const { origin, hash } = new URL(url)
  return {
    url,
    origin,
    // The link's one-time code (a browser, or the smoke test, spends it once).
    code: new URLSearchParams(hash.slice(1)).get('code') ?? '',
    // A session token for the e2e hooks (SELLERGUARD_TEST_HOOKS=1 only).
    token: /^SELLERGUARD_TEST_TOKEN=(\S+)$/m.exec(output)?.[1] ?? '',
    output: () => output,
    serverPid: () => serverPid(group),
    // Whether any process of the command (npm and sh where it runs them, the server, its keychain worker) still runs.
    running: () => groupAlive(group),
    stop,
  }
}

/**
 * SIGTERM to every process in the group, then wait until none is left
 * (SIGKILL after 10 s: a server that ignores SIGTERM is a bug to see, not to wait for).
 * @param {number} group
 */
async function stopGroup(group) {
  try {
    process.kill(-group, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + 10_000
  while (groupAlive(group)) {
    if (Date.now() > deadline) {
      process.kill(-group, 'SIGKILL')
      throw new Error(`web mode (process group ${group}) did not stop within 10 s of SIGTERM`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/**
 * Whether a process of the group still runs. An exited one whose parent
 * (npm, itself stopped) has not collected it is a zombie that init reaps in
 * its own time: it holds no port or file, so it counts as gone.
 * @param {number} group
 */
function groupAlive(group) {
  if (process.platform !== 'linux') {
    try {
      process.kill(-group, 0)
      return true
    } catch {
      return false
    }
  }
  return groupMembers(group).some((member) => member.state !== 'Z')
}

/**
 * The processes of a group, from /proc.
 * @param {number} group
 * @returns {{ pid: number, state: string, argv: string[] }[]}
 */
function groupMembers(group) {
  const members = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // After the parenthesised command name: state, ppid, pgrp, …
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const [state = '', , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(pgrp) !== group) continue
      members.push({ pid: Number(entry), state, argv: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0') })
    } catch {
      // The process ended while we looked.
    }
  }
  return members
}

/**
 * The web-mode server itself (node out/main/web.js) among the group's
 * processes (npm and sh where the command runs them; Linux): for measuring its memory.
 * @param {number} group
 */
function serverPid(group) {
  const server = groupMembers(group).find((member) => member.argv.includes('out/main/web.js'))
  if (!server) throw new Error(`no out/main/web.js process in process group ${group}`)
  return server.pid
}

module.exports = { ROOT, readmeStartCommand, startWebMode }
