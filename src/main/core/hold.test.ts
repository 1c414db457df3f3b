import { describe, expect, it } from 'vitest'
import { createHold } from './hold'

describe('createHold', () => {
  it('runs each held function once on release, however often it was asked, in the order first asked', async () => {
    const hold = createHold()
    const ran: string[] = []
    const tray = hold.wrap(() => ran.push('tray'))
    const checklist = hold.wrap(() => ran.push('checklist'))
    tray()
    checklist()
    tray()
    tray()
    expect(ran).toEqual([])
    let released = false
    void hold.released.then(() => (released = true))
    hold.release()
    expect(ran).toEqual(['tray', 'checklist'])
    await hold.released
    expect(released).toBe(true)
  })

  it('after the release runs at once, every time, and a second release runs nothing again', () => {
    const hold = createHold()
    const ran: string[] = []
    const tray = hold.wrap(() => ran.push('tray'))
    tray()
    hold.release()
    hold.release()
    tray()
    tray()
    expect(ran).toEqual(['tray', 'tray', 'tray'])
  })

  it('a release with nothing asked runs nothing', () => {
    const hold = createHold()
    const ran: string[] = []
    hold.wrap(() => ran.push('tray'))
    hold.release()
    expect(ran).toEqual([])
  })
})
