import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW, MIN_HEIGHT, MIN_WIDTH, restoreWindowState } from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 877 }
const external = { x: 1440, y: 0, width: 2560, height: 1400 }

describe('restoring the window where the user left it', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreWindowState(null, [laptop])).toEqual(DEFAULT_WINDOW)
  })

  it('keeps a saved position that is on a display', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1000, height: 700, maximized: false }, [laptop, external])).toEqual({
      x: 1600,
      y: 100,
      width: 1000,
      height: 700,
      maximized: false,
    })
  })

  it('drops a position on a monitor that was unplugged, keeping the size', () => {
    expect(restoreWindowState({ x: 2000, y: 100, width: 1000, height: 700, maximized: true }, [laptop])).toEqual({
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it('drops a position whose title bar is above the screen', () => {
    expect(restoreWindowState({ x: 10, y: -600, width: 1000, height: 700, maximized: false }, [laptop])).not.toHaveProperty('y')
  })

  it('clamps sizes to the display and to the minimum the UI needs', () => {
    const restored = restoreWindowState({ width: 5000, height: 100, maximized: false }, [laptop])
    expect(restored.width).toBe(laptop.width)
    expect(restored.height).toBe(MIN_HEIGHT)
    expect(restoreWindowState({ width: 10, height: 10, maximized: false }, []).width).toBe(MIN_WIDTH)
  })
})
