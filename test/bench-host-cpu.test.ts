import { describe, expect, it } from 'vitest'
import { attributeGaps, hostCpu, hostShares, threadSched } from '../bench/host-cpu'

// The import-ui bench's attribution of long frame gaps (bench/host-cpu.ts): Linux's own accounting, and a trace's thread times.
describe('bench host CPU accounting', () => {
  it('reads this process’s time on a CPU from /proc, and the machine’s shares', () => {
    const before = threadSched(process.pid)
    const host = hostCpu()
    // Work until the thread has 20 ms more on a CPU (however long that takes on a busy host; at most 10 s).
    const giveUpAt = Date.now() + 10_000
    let after = threadSched(process.pid)
    while (after.runMs - before.runMs < 20 && Date.now() < giveUpAt) after = threadSched(process.pid)
    expect(after.runMs - before.runMs).toBeGreaterThanOrEqual(20)
    expect(after.waitMs).toBeGreaterThanOrEqual(before.waitMs)
    const shares = hostShares(host, hostCpu())
    expect(shares.stealPercent).toBeGreaterThanOrEqual(0)
    expect(shares.idlePercent).toBeLessThanOrEqual(100)
  })

  it('splits a long gap between frames into the page’s own CPU time and the rest', () => {
    const main = { pid: 7, tid: 7 }
    const frame = (ms: number) => ({ ...main, ph: 'X', name: 'FireAnimationFrame', ts: ms * 1000, dur: 100 })
    const task = (ms: number, wallMs: number, cpuMs: number) => ({ ...main, ph: 'X', name: 'ThreadControllerImpl::RunTask', ts: ms * 1000, dur: wallMs * 1000, tdur: cpuMs * 1000 })
    const trace = {
      traceEvents: [
        { ...main, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'CrRendererMain' } },
        { pid: 7, tid: 8, ph: 'M', name: 'thread_name', ts: 0, args: { name: 'Compositor' } },
        frame(0), frame(16), frame(32),
        // 80 ms without a frame: a task of 60 ms on the clock, of which 6 ms on a CPU (the rest waiting for one).
        task(40, 60, 6), frame(112),
        // 50 ms without a frame, 30 ms of it the page's own work.
        task(120, 30, 30), frame(162), frame(178),
        { pid: 7, tid: 8, ph: 'X', name: 'ThreadControllerImpl::RunTask', ts: 130_000, dur: 90_000, tdur: 90_000 },
      ],
    }
    expect(attributeGaps(JSON.stringify(trace))).toEqual({
      gapsOverTwoFrames: 2,
      longestGapMs: 80,
      pageCpuInLongestGapMs: 6,
      mostPageCpuInAGapMs: 30,
      gapsWithOverAFrameOfPageCpu: 1,
      longestTaskWallMs: 60,
      longestTaskCpuMs: 6,
      mostCpuTaskMs: 30,
    })
  })

  it('says so when a trace holds no page', () => {
    expect(() => attributeGaps(JSON.stringify({ traceEvents: [] }))).toThrow(/no renderer main thread/)
  })
})
