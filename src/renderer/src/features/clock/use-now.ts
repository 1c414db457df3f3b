import { useEffect, useState } from 'react'

/** The system clock, re-read every `everyMs` (for ages such as "measured 4 min ago"). */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
