import type { ClipboardPort } from '../../../shared/clipboard-guard'

/**
 * Web mode's clipboard: the browser's, written from the page during the
 * user's click (main's clipboard is on the server, not where the user
 * pastes). Null where the browser offers none (a page not on a secure
 * origin). Reading back, to clear only a code that is still there, is used
 * only where the browser already allows it: asking would pop up a
 * permission prompt long after the click.
 */
export function createPageClipboard(nav: Navigator = navigator): ClipboardPort | null {
  if (!nav.clipboard) return null
  return {
    readText: () => nav.clipboard.readText(),
    writeText: (text) => nav.clipboard.writeText(text),
    async canReadBack() {
      try {
        return (await nav.permissions.query({ name: 'clipboard-read' as PermissionName })).state === 'granted'
      } catch {
        // Browsers that do not know this permission (Firefox, Safari) only allow reading after a click.
        return false
      }
    },
  }
}
