/**
 * Whether SellerGuard's window can be kept out of screen shares and
 * recordings here: only the desktop app on Windows or macOS
 * (setContentProtection). Linux has no such API, and a browser tab decides
 * nothing about what a share shows.
 */
export const canProtectContent = (platform: string | undefined, runtime: 'electron' | 'web' | undefined): boolean => runtime === 'electron' && (platform === 'win32' || platform === 'darwin')
