import type { SellerGuardApi } from '../shared/contract'

declare global {
  interface Window {
    /** The contract, from the preload (Electron) or web mode's shim. */
    sellerguard: SellerGuardApi
  }
}
