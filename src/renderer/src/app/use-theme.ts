import { useEffect } from 'react'
import { useStore } from '../store'

/** `system` follows the OS through CSS `prefers-color-scheme`; light/dark pin it. */
export function useTheme(): void {
  const theme = useStore((s) => s.settings?.theme ?? 'system')
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}
