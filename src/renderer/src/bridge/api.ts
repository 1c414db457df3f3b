import type { SellerGuardApi } from '../contract'
import { connectWebBridge } from './web-bridge'

/**
 * `window.sellerguard` comes from the preload in Electron; in web mode the
 * shim installs the same shape. The rest of the renderer only imports `api`.
 */
export function installApi(): SellerGuardApi {
  if (!('sellerguard' in window) || !window.sellerguard) {
    Object.defineProperty(window, 'sellerguard', { value: connectWebBridge(), writable: false, configurable: false })
  }
  return window.sellerguard
}

export const api = (): SellerGuardApi => window.sellerguard
