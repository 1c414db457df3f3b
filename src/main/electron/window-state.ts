import { z } from 'zod'

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowState>

export type Rect = Readonly<{ x: number; y: number; width: number; height: number }>

export const MIN_WIDTH = 720
export const MIN_HEIGHT = 480
export const DEFAULT_WINDOW: WindowState = { width: 1100, height: 720, maximized: false }

/**
 * Where to open the window, from the saved state and the displays' work
 * areas now. A saved position that is no longer on any display (a monitor
 * was unplugged) is dropped so the OS centres the window; sizes are clamped
 * to the largest display and to the minimum the UI needs.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const base = saved ?? DEFAULT_WINDOW
  const largest = workAreas.reduce<Rect | null>((a, b) => (!a || b.width * b.height > a.width * a.height ? b : a), null)
  const width = clamp(base.width, MIN_WIDTH, largest?.width ?? base.width)
  const height = clamp(base.height, MIN_HEIGHT, largest?.height ?? base.height)
  const state: WindowState = { width, height, maximized: base.maximized }
  if (base.x !== undefined && base.y !== undefined) {
    const rect = { x: base.x, y: base.y, width, height }
    // Keep the position only if a usable part of the title bar is on some display.
    const visible = workAreas.some((area) => overlap(rect, area) >= Math.min(width, 200) * Math.min(height, 50) / 2 && rect.y >= area.y - 10)
    if (visible) {
      state.x = base.x
      state.y = base.y
    }
  }
  return state
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)))
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}
