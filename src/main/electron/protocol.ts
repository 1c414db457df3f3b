import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../security/csp'
import { readRendererFile } from '../security/renderer-files'

/** The renderer is served from `app://sellerguard/`, not file://, so it has an origin and CSP headers. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://sellerguard`

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'sellerguard' ? await readRendererFile(rendererDir, url.pathname) : null
    if (!file) return new Response('not found', { status: 404, headers: SECURITY_HEADERS })
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    })
  })
}
