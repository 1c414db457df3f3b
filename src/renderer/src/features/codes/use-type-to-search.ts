import { useEffect, type RefObject } from 'react'

/**
 * Typing anywhere on the codes screen goes into the search box, and
 * Ctrl/Cmd+F focuses it — unless the user is typing in another field or a
 * dialog is open.
 */
export function useTypeToSearch(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const field = input.current
      if (!field || document.querySelector('dialog[open]')) return
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault()
        field.focus()
        field.select()
        return
      }
      const target = event.target as HTMLElement | null
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      if (typing || event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1 || event.key === ' ') return
      // Focus first: the browser then delivers this very key press to the search box.
      field.focus()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [input])
}
