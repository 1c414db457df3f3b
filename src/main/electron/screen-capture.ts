import { desktopCapturer, screen } from 'electron'
import { err, ok } from '../../shared/result'
import type { ScreenCapture } from '../qr/screen-capture'

/**
 * The screen through Electron's desktopCapturer (the OS mediates it: macOS
 * asks for Screen Recording permission the first time). Only main sees the
 * picture; the renderer gets the accounts found in it, never the image.
 */
export const electronScreenCapture: ScreenCapture = {
  async capture() {
    try {
      const display = screen.getPrimaryDisplay()
      const size = { width: Math.round(display.size.width * display.scaleFactor), height: Math.round(display.size.height * display.scaleFactor) }
      const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: size })
      const image = sources[0]?.thumbnail
      if (!image || image.isEmpty()) {
        return err({ kind: 'capture-failed', message: 'The screen could not be captured. On macOS, allow SellerGuard in System Settings → Privacy & Security → Screen Recording.' })
      }
      return ok(new Uint8Array(image.toPNG()))
    } catch (e) {
      return err({ kind: 'capture-failed', message: `The screen could not be captured: ${e instanceof Error ? e.message : String(e)}` })
    }
  },
}
