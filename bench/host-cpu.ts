/**
 * Whose time a long gap between frames was (import-ui bench): the page's own
 * work, or the host's. A page's frame waits on its main thread; when that
 * thread has work of a few ms but is not given a CPU (other processes on
 * few cores, or a virtual machine's CPU taken by its host: "steal"), the gap
 * grows without the page doing anything more. These read Linux's own
 * accounting, so a figure can say which it was.
 *
 *  - `hostCpu()`: the whole machine's CPU time from /proc/stat, steal apart.
 *  - `threadSched(pid)`: a thread's time on a CPU and waiting for one
 *    (/proc/<pid>/schedstat, ns).
 *  - `rendererOf(browserPid)`: the Chromium renderer process under a browser.
 *  - `attributeGaps(trace)`: from a Chromium trace, each gap of over two
 *    frames between the page's animation frames, with the CPU time the page's
 *    main thread used inside it (trace events' thread time, `tdur`).
 */
import { readdirSync, readFileSync } from 'node:fs'

const FRAME_MS = 1000 / 60
const round = (x: number) => Math.round(x * 10) / 10

export type HostCpu = Readonly<{ total: number; steal: number; idle: number }>

/** Jiffies since boot, all CPUs: total, stolen by the hypervisor, and idle (idle + iowait). */
export function hostCpu(): HostCpu {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number]
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, steal, idle: idle + iowait }
}

/** Shares of the machine's CPU time between two readings, in percent. */
export function hostShares(from: HostCpu, to: HostCpu) {
  const total = to.total - from.total || 1
  return { stealPercent: round(((to.steal - from.steal) / total) * 100), idlePercent: round(((to.idle - from.idle) / total) * 100) }
}

export type ThreadSched = Readonly<{ runMs: number; waitMs: number }>

/** A thread's (or a process's main thread's) time on a CPU and waiting in a run queue for one. */
export function threadSched(pid: number): ThreadSched {
  const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number) as [number, number]
  return { runMs: run / 1e6, waitMs: wait / 1e6 }
}

const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1])
const cmdlineOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8')

/** The renderer processes below `ancestorPid` (Chromium: browser → zygote → renderer). */
export function renderersUnder(ancestorPid: number): number[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
  const below = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 6; hops++) {
      try {
        p = parentOf(p)
      } catch {
        return false
      }
      if (p === ancestorPid) return true
    }
    return false
  }
  return pids.filter((pid) => {
    try {
      return cmdlineOf(pid).includes('--type=renderer') && below(pid)
    } catch {
      return false
    }
  })
}

type TraceEvent = Readonly<{ name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }>

export type GapAttribution = Readonly<{
  /** Gaps of over two frames between the page's animation frames, in the trace. */
  gapsOverTwoFrames: number
  longestGapMs: number
  /** The page main thread's CPU time inside the longest gap. */
  pageCpuInLongestGapMs: number
  /** The most CPU time the page's main thread used inside any one of those gaps. */
  mostPageCpuInAGapMs: number
  /** Of those gaps, how many held more than one frame (16.7 ms) of the page's own CPU time. */
  gapsWithOverAFrameOfPageCpu: number
  /** The page main thread's longest task: its wall time, and its CPU time. */
  longestTaskWallMs: number
  longestTaskCpuMs: number
  /** The page main thread's task with the most CPU time. */
  mostCpuTaskMs: number
}>

/** From a Chromium trace (JSON text) of one page: each long frame gap, and how much of it the page's main thread spent on a CPU. */
export function attributeGaps(traceJson: string): GapAttribution {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) throw new Error('the trace holds no renderer main thread (CrRendererMain)')
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid)
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts)
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b)
  // A task's CPU time inside [from, to], pro rata to the part of its wall time that falls there.
  const cpuIn = (from: number, to: number) =>
    tasks.reduce((sum, t) => {
      const wall = t.dur ?? 0
      const overlap = Math.min(t.ts + wall, to) - Math.max(t.ts, from)
      return overlap > 0 && wall > 0 ? sum + ((t.tdur ?? 0) * overlap) / wall : sum
    }, 0)
  const gaps = frames.slice(1).map((at, i) => ({ from: frames[i]!, to: at })).filter((g) => g.to - g.from > 2 * FRAME_MS * 1000)
  const withCpu = gaps.map((g) => ({ wallMs: (g.to - g.from) / 1000, cpuMs: cpuIn(g.from, g.to) / 1000 }))
  const longest = withCpu.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), { wallMs: 0, cpuMs: 0 })
  const longestTask = tasks.reduce((a, b) => ((b.dur ?? 0) > (a?.dur ?? 0) ? b : a), tasks[0])
  return {
    gapsOverTwoFrames: gaps.length,
    longestGapMs: round(longest.wallMs),
    pageCpuInLongestGapMs: round(longest.cpuMs),
    mostPageCpuInAGapMs: round(Math.max(0, ...withCpu.map((g) => g.cpuMs))),
    gapsWithOverAFrameOfPageCpu: withCpu.filter((g) => g.cpuMs > FRAME_MS).length,
    longestTaskWallMs: round((longestTask?.dur ?? 0) / 1000),
    longestTaskCpuMs: round((longestTask?.tdur ?? 0) / 1000),
    mostCpuTaskMs: round(Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000))),
  }
}
