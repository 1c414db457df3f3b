import type { SellerGuardApi } from '../contract'
import { createClipboardGuard, type ClipboardGuard } from '../../../shared/clipboard-guard'
import { createPageClipboard } from './page-clipboard'
import { connectWebBridge } from './web-bridge'

/** Set when this page runs web mode's bridge: copies then go to the browser's clipboard. */
let webMode = false
/** Web mode's one guard for the page, so a newer copy takes over the older one's clearing, as in main. */
let pageGuard: ClipboardGuard | 'unavailable' | null = null

/**
 * `window.sellerguard` comes from the preload in Electron; in web mode the
 * shim installs the same shape. The rest of the renderer only imports `api`.
 */
export function installApi(): SellerGuardApi {
  if (!('sellerguard' in window) || !window.sellerguard) {
    Object.defineProperty(window, 'sellerguard', { value: connectWebBridge(), writable: false, configurable: false })
    webMode = true
  }
  return window.sellerguard
}

export const api = (): SellerGuardApi => window.sellerguard

/**
 * Where a copy from the page goes. Electron: null, main copies (the preload
 * reaches the system clipboard). Web mode: a guard over the browser's
 * clipboard, or `'unavailable'` where the browser offers the page none.
 */
export function pageClipboard(): ClipboardGuard | 'unavailable' | null {
  if (!webMode) return null
  if (pageGuard === null) {
    const port = createPageClipboard()
    pageGuard = port ? createClipboardGuard({ clipboard: port, now: Date.now }) : 'unavailable'
  }
  return pageGuard
}
