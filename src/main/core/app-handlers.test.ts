import { describe, expect, it } from 'vitest'
import { appHandlers } from './app-handlers'

describe('app.info', () => {
  const info = (screen?: object | null) => appHandlers({ appVersion: '1.2.3', platform: 'linux', runtime: 'web', ...(screen !== undefined ? { screen } : {}) })['app.info'](undefined)

  it('says whether this run can scan the screen, so the UI offers the scan only where it works', () => {
    expect(info({})).toEqual({ ok: true, value: { name: 'SellerGuard', version: '1.2.3', platform: 'linux', runtime: 'web', screenCapture: true } })
    expect(info(null)).toMatchObject({ ok: true, value: { screenCapture: false } })
    expect(info()).toMatchObject({ ok: true, value: { screenCapture: false } })
  })
})
