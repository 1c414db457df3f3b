import { describe, expect, it, vi } from 'vitest'
import { createMemoryLogger } from '../core/log'
import { watchNetwork } from './network-watch'

describe('network watch', () => {
  it('an EMFILE from reading the addresses skips that poll, is logged, and the watch goes on', async () => {
    vi.useFakeTimers()
    try {
      const log = createMemoryLogger()
      const reads: Array<string | Error> = ['wlan0/10.0.0.2', Object.assign(new Error('EMFILE: too many open files, uv_interface_addresses'), { code: 'EMFILE' }), 'wlan0/10.0.0.2', 'wlan0/10.0.0.3']
      const read = () => {
        const next = reads.shift() ?? 'wlan0/10.0.0.3'
        if (next instanceof Error) throw next
        return next
      }
      const changed = vi.fn()
      const stop = watchNetwork(changed, { log, intervalMs: 1_000, read })
      // An uncaught throw in a setInterval callback ends the process; here the timer callback must not throw.
      expect(() => vi.advanceTimersByTime(1_000)).not.toThrow()
      expect(log.lines.join('\n')).toMatch(/EMFILE/)
      vi.advanceTimersByTime(1_000)
      expect(changed).not.toHaveBeenCalled()
      vi.advanceTimersByTime(1_000)
      expect(changed).toHaveBeenCalledTimes(1)
      stop()
    } finally {
      vi.useRealTimers()
    }
  })

  it('a throwing change handler is logged and the watch goes on', () => {
    vi.useFakeTimers()
    try {
      const log = createMemoryLogger()
      let n = 0
      const stop = watchNetwork(() => {
        throw new Error('handler broke')
      }, { log, intervalMs: 1_000, read: () => `eth0/10.0.0.${n++}` })
      expect(() => vi.advanceTimersByTime(3_000)).not.toThrow()
      expect(log.lines.filter((l) => l.includes('handler broke'))).toHaveLength(3)
      stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
