import https from 'node:https'
import { err, ok } from '../../shared/result'
import type { DateFetcher } from './https-date'

export type HttpsDateTransportOptions = Readonly<{
  /** System clock with sub-ms resolution, ms: stamps each exchange. */
  now: () => number
  /** Per request, ms. Default 3000. */
  timeoutMs?: number
  /** Extra trusted certificates, PEM. Tests only (a loopback server's self-signed cert); the app uses the system's CAs. */
  ca?: string | readonly string[]
}>

export type HttpsDateTransport = Readonly<{ fetch: DateFetcher; close(): void }>

/**
 * HEAD requests over one kept-alive TLS connection per host, so after the
 * first request a round trip is just the request and its reply (no TCP or
 * TLS handshake to blur the timing). Certificates are verified as usual.
 * Nothing but the `Date` and `Age` headers is read; the body is discarded.
 */
export function createHttpsDateTransport(options: HttpsDateTransportOptions): HttpsDateTransport {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ...(options.ca ? { ca: options.ca as string | string[] } : {}) })
  const timeoutMs = options.timeoutMs ?? 3000
  const fetch: DateFetcher = (target) =>
    new Promise((resolve) => {
      let t1 = 0
      const request = https.request(
        {
          host: target.host,
          port: target.port,
          method: 'HEAD',
          path: '/',
          agent,
          timeout: timeoutMs,
          // Ask past caches: a cached reply's Date is when it was first made.
          headers: { 'cache-control': 'no-cache', pragma: 'no-cache', 'user-agent': 'SellerGuard clock check' },
        },
        (response) => {
          const t4 = options.now()
          response.resume()
          const header = (name: string) => {
            const value = response.headers[name]
            return typeof value === 'string' ? value : null
          }
          resolve(ok({ t1, t4, status: response.statusCode ?? 0, date: header('date'), age: header('age') }))
        },
      )
      request.on('timeout', () => request.destroy(new Error(`no reply within ${timeoutMs} ms`)))
      request.on('error', (e) => resolve(err(e.message)))
      t1 = options.now()
      request.end()
    })
  return { fetch, close: () => agent.destroy() }
}
