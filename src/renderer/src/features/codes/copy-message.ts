import type { CopyResult } from '../../contract'

/**
 * The toast after a copy. It says which code went to the clipboard when it
 * is not the one the user clicked: with "copy the next code instead" on,
 * a click near the end of a period copies the next code, and the user
 * must know not to wait for the one on screen.
 */
export function copiedMessage(result: Pick<CopyResult, 'which' | 'clearAt'>, asked: 'current' | 'next' | 'expected', now: number): string {
  const when = result.clearAt === null ? '' : ` The clipboard will be cleared in ${Math.max(1, Math.round((result.clearAt - now) / 1000))} s.`
  switch (result.which) {
    case 'next':
      return asked === 'next' ? `Copied the next code.${when}` : `Copied the next code: the current one was about to expire.${when}`
    case 'expected':
      return `Copied the code the site expects now.${when}`
    case 'current':
      return `Copied code.${when}`
  }
}
