import { useEffect, useState } from 'react'
import type { TextCheck } from '../../contract'
import { useStore } from '../../store'

/**
 * Asks main to check the pasted key or link as the user types (debounced);
 * main never sends the key back. While a newer check is on its way, the
 * previous answer stays shown rather than flickering away.
 */
export function useTextCheck(text: string): TextCheck | null {
  const [result, setResult] = useState<Readonly<{ text: string; check: TextCheck }> | null>(null)
  const checkAccountText = useStore((s) => s.checkAccountText)
  useEffect(() => {
    if (text.trim() === '') return
    let live = true
    const timer = setTimeout(() => {
      void checkAccountText(text).then((reply) => {
        if (live && reply.ok) setResult({ text, check: reply.value })
      })
    }, 120)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [text, checkAccountText])
  return text.trim() === '' ? null : (result?.check ?? null)
}
