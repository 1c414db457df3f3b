/**
 * Returns a check for "is this URL the app's own page". Compares scheme and
 * host, not `URL.origin`: Node's URL gives every non-special scheme (app:,
 * file:) the opaque origin "null", so comparing origins would make
 * file:///etc/passwd look like the app.
 */
export function createAppUrlCheck(appUrl: string): (url: string) => boolean {
  const base = new URL(appUrl)
  return (url) => {
    try {
      const u = new URL(url)
      return u.protocol === base.protocol && u.host === base.host && u.host !== ''
    } catch {
      return false
    }
  }
}
