import type { ClockStatus, CodesAround } from '../../shared/contract'
import { codeForStep, hotpCode, periodOf, timeStep } from '../otp/generate'
import type { OtpParams } from '../otp/params'

/** The measured offset when it can be trusted right now (not in doubt), else null. */
export function trustedOffsetMs(status: Pick<ClockStatus, 'measurement' | 'doubt'>): number | null {
  return status.measurement !== null && status.doubt === null ? status.measurement.offsetMs : null
}

/**
 * For "code rejected?": the codes of the steps around the shown one (system
 * + correction) and around the one the site expects (system + trusted
 * offset), so the renderer can follow both clocks live and highlight the
 * expected code. HOTP: counter − 1 … counter + 1.
 */
export function codesAroundFor(params: OtpParams, key: Uint8Array, nowMs: number, correctionMs: number, offsetMs: number | null): Omit<CodesAround, 'accountId'> {
  const base = { correctionMs, offsetMs, at: nowMs }
  if (params.type === 'hotp') {
    const steps = [params.counter - 1, params.counter, params.counter + 1].filter((c) => c >= 0)
    return { ...base, kind: 'hotp', period: 0, codes: steps.map((step) => ({ step, code: hotpCode(params, key, step) })) }
  }
  const period = periodOf(params)
  const shown = timeStep(period, nowMs + correctionMs)
  const expected = offsetMs === null ? shown : timeStep(period, nowMs + offsetMs)
  const steps = [...new Set([shown - 1, shown, shown + 1, shown + 2, expected - 1, expected, expected + 1, expected + 2])].filter((s) => s >= 0).sort((a, b) => a - b)
  return { ...base, kind: 'totp', period, codes: steps.map((step) => ({ step, code: codeForStep(params, key, step) })) }
}

/** The code the site expects now: at the true time when it is known, else the shown code. */
export function expectedCodeFor(params: OtpParams, key: Uint8Array, nowMs: number, correctionMs: number, offsetMs: number | null): string {
  if (params.type === 'hotp') return hotpCode(params, key, params.counter)
  return codeForStep(params, key, timeStep(periodOf(params), nowMs + (offsetMs ?? correctionMs)))
}
