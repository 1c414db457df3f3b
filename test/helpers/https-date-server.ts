import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The thread-safe libfaketime: Python's HTTP server answers on threads. */
export const FAKETIME_MT_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1'
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'

/** Why these servers cannot run here, or null when they can. */
export function httpsDateServerUnavailable(): string | null {
  if (process.platform !== 'linux') return 'loopback HTTPS date servers need Linux'
  if (spawnSync(PYTHON, ['-c', 'import ssl, http.server']).status !== 0) return 'python3 with ssl is not installed (apt-get install python3)'
  if (spawnSync('openssl', ['version']).error) return 'openssl is not installed (apt-get install openssl)'
  if (!existsSync(FAKETIME_MT_LIB)) return `libfaketime not found at ${FAKETIME_MT_LIB} (apt-get install faketime)`
  return null
}

export type TestCert = Readonly<{ cert: string; key: string; pem: string; dir: string; remove(): Promise<void> }>

/** A self-signed certificate for 127.0.0.1, made now with openssl; only the tests' client trusts it. */
export async function makeLoopbackCert(): Promise<TestCert> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sg-https-cert-'))
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
  ], { encoding: 'utf8' })
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`)
  return { cert, key, pem: await fs.readFile(cert, 'utf8'), dir, remove: () => fs.rm(dir, { recursive: true, force: true }) }
}

/**
 * A tiny HTTPS server whose `Date` header is its own clock: Python's
 * http.server stamps every reply with time.time(), truncated to the second,
 * as RFC 9110 asks. `skewSeconds` runs it under libfaketime, so its clock
 * is that far from ours. `stale`: it always sends the Date of its start
 * (a cache that forgot to say so). Each request prints a line before it is
 * answered, counted in `requests()`.
 */
const SCRIPT = String.raw`
import http.server, ssl, sys, time, email.utils
stale = sys.argv[3] == 'stale'
started = email.utils.formatdate(time.time(), usegmt=True)
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def date_time_string(self, timestamp=None):
        return started if stale else super().date_time_string(timestamp)
    def do_HEAD(self):
        # Counted before the reply: once the client has its answer, the test may stop
        # this server, and a line printed after the reply could die with it.
        print('request', flush=True)
        self.send_response(200)
        self.send_header('Content-Length', '0')
        self.end_headers()
    do_GET = do_HEAD
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print('port', server.server_address[1], flush=True)
server.serve_forever()
`

export type HttpsDateServer = Readonly<{ host: string; port: number; requests(): number; stop(): Promise<void> }>

export async function startHttpsDateServer(cert: TestCert, options: Readonly<{ skewSeconds?: number; stale?: boolean }> = {}): Promise<HttpsDateServer> {
  const env = { ...process.env }
  if (options.skewSeconds !== undefined && options.skewSeconds !== 0) {
    env.LD_PRELOAD = FAKETIME_MT_LIB
    env.FAKETIME = `${options.skewSeconds >= 0 ? '+' : ''}${options.skewSeconds}`
  }
  const child: ChildProcess = spawn(PYTHON, ['-c', SCRIPT, cert.cert, cert.key, options.stale ? 'stale' : 'live'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let requests = 0
  let errors = ''
  child.stderr?.on('data', (c: Buffer) => void (errors = (errors + c.toString()).slice(-2000)))
  const exited = new Promise<void>((done) => child.once('close', () => done()))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HTTPS date server did not start: ${errors}`)), 10_000)
    let buffer = ''
    child.stdout?.on('data', (c: Buffer) => {
      buffer += c.toString()
      let newline = buffer.indexOf('\n')
      while (newline !== -1) {
        const line = buffer.slice(0, newline).trim()
        buffer = buffer.slice(newline + 1)
        if (line.startsWith('port ')) {
          clearTimeout(timer)
          resolve(Number(line.slice(5)))
        } else if (line === 'request') requests += 1
        newline = buffer.indexOf('\n')
      }
    })
    void exited.then(() => reject(new Error(`HTTPS date server exited: ${errors}`)))
  })
  return {
    host: `127.0.0.1:${port}`,
    port,
    requests: () => requests,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        process.kill(child.pid, 'SIGTERM')
        await exited
      }
    },
  }
}
