// @ts-check
/**
 * CI's smoke test of the README's run command: starts the command line it is
 * given exactly as written (bash, repository root), reads the address it
 * prints, fetches the page and its script, opens the WebSocket with the
 * link's one-time code, makes one contract call (app.info), then stops it.
 * Exits non-zero if any step fails.
 *   node scripts/smoke-web.mjs "$(node scripts/readme-command.mjs run)"
 * Uses only Node built-ins until the command has installed the dependencies.
 */
import { startWebMode } from '../test/helpers/web-mode.cjs'

/** The wire protocol of src/shared/wire.ts; a drift shows as a refused socket here. */
const WIRE_PROTOCOL = 'sellerguard.v1'
const CODE_PROTOCOL_PREFIX = 'code.'

const command = process.argv[2]
if (!command) {
  console.error('usage: node scripts/smoke-web.mjs "<command line>"')
  process.exit(2)
}
const started = Date.now()
const step = (/** @type {string} */ what) => console.log(`[smoke +${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`)

step(`starting: ${command}`)
// Set-up (system packages, npm ci, build) comes first on a fresh machine: allow it 15 minutes.
const web = await startWebMode({ command, timeoutMs: 15 * 60_000, onOutput: (text) => void process.stdout.write(text.replace(/(token|code)=\w+/g, '$1=…')) })
try {
  step(`address printed: ${web.origin}`)
  const page = await fetch(web.url)
  const html = await page.text()
  if (page.status !== 200 || !html.includes('<div id="root">')) throw new Error(`GET / answered ${page.status}, without the app's root element`)
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
  if (!script) throw new Error('the page names no script')
  const js = await fetch(new URL(script, web.origin))
  if (js.status !== 200 || !/javascript/.test(js.headers.get('content-type') ?? '')) throw new Error(`GET ${script} answered ${js.status} ${js.headers.get('content-type')}`)
  step(`page and ${script} served`)

  const { WebSocket } = await import('ws')
  const socket = new WebSocket(`${web.origin.replace(/^http/, 'ws')}/api`, [WIRE_PROTOCOL, `${CODE_PROTOCOL_PREFIX}${web.code}`], { origin: web.origin })
  const reply = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply to app.info within 10 s')), 10_000)
    socket.once('error', (e) => reject(new Error(`WebSocket: ${e.message}`)))
    socket.once('open', () => socket.send(JSON.stringify({ id: 1, method: 'app.info' })))
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString())
      if (frame.id !== 1) return
      clearTimeout(timer)
      resolve(frame.reply)
    })
  })
  socket.close()
  if (!reply?.ok || reply.value?.name !== 'SellerGuard' || reply.value?.runtime !== 'web') throw new Error(`app.info answered ${JSON.stringify(reply)}`)
  step(`app.info over the WebSocket: ${JSON.stringify(reply.value)}`)
} finally {
  await web.stop()
}
step('stopped: the README run command works')
