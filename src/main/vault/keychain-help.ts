import type { KeychainState } from '../../shared/contract'

export function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain'
  if (platform === 'win32') return 'Windows Credential Manager'
  return 'Secret Service keyring'
}

/** What the user can do about a keychain state on their OS, in plain words. */
export function keychainHelp(state: KeychainState, platform: NodeJS.Platform, reason: string | null = null): string | null {
  if (state === 'ready' || state === 'checking') return null
  if (state === 'not-answering') return notAnsweringHelp(platform)
  // The keyring service was restarted under us: libsecret (inside keytar) keeps its dead session for the life of the process.
  if (reason && /session .*does not exist/i.test(reason)) {
    return 'The keyring service was restarted while SellerGuard was running, and SellerGuard cannot reconnect to it. Quit and start SellerGuard again: nothing is lost.'
  }
  // A KeychainFault (keychain-client.ts): the keychain crashed or did not answer, often because it was locked mid-read.
  if (reason && /did not answer|keychain process stopped/i.test(reason)) return notAnsweringHelp(platform)
  if (platform === 'darwin') {
    return state === 'locked'
      ? 'Your login keychain is locked. Open Keychain Access, select the "login" keychain and unlock it with your Mac password, then press Retry.'
      : 'SellerGuard could not reach the macOS Keychain. Restart your Mac; if it persists, open Keychain Access → Keychain First Aid (older macOS) or check that the login keychain exists, then press Retry.'
  }
  if (platform === 'win32') {
    return state === 'locked'
      ? 'Windows Credential Manager is not available to your user right now. Sign out and back in to Windows, then press Retry.'
      : 'SellerGuard could not reach Windows Credential Manager. Open Services and make sure "Credential Manager" is running (Startup type: Manual or Automatic), then press Retry.'
  }
  return state === 'locked'
    ? 'Your keyring is locked. Unlock it with your login password — in GNOME open "Passwords and Keys" (Seahorse), right-click the "Login" keyring and choose Unlock; in KDE open KWallet Manager and open the wallet — then press Retry.'
    : 'No keyring service is running. SellerGuard stores secrets only in a Secret Service provider such as GNOME Keyring or KWallet (with its Secret Service API enabled): install one (for example `sudo apt install gnome-keyring`), log out and back in so it starts unlocked, then press Retry. SellerGuard never falls back to storing secrets in a file.'
}

/** The keychain stopped answering: SellerGuard stopped waiting for it, and nothing else in the app is affected. */
function notAnsweringHelp(platform: NodeJS.Platform): string {
  const unlock =
    platform === 'darwin'
      ? 'Look for a keychain password prompt (it may be behind other windows) or unlock the "login" keychain in Keychain Access'
      : platform === 'win32'
        ? 'Make sure you are signed in and the "Credential Manager" service is running (Services)'
        : 'Look for an unlock prompt, or unlock the "Login" keyring in "Passwords and Keys" (Seahorse) or KWallet Manager'
  return `It may be locked or waiting for a password, so SellerGuard stopped waiting for it. Your accounts are safe and the rest of the app keeps working. ${unlock}, then press Retry.`
}
