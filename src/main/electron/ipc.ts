import { BrowserWindow, ipcMain } from 'electron'
import { apiError, eventChannel, invokeChannel, methodNames } from '../../shared/contract'
import type { Dispatch } from '../core/dispatch'
import type { EventBus } from '../core/events'

/**
 * One `ipcMain.handle` per contract method, from the contract's own list.
 * Requests from any frame that is not the app's own page are refused; every
 * payload then goes through the same validating `dispatch` as web mode.
 */
export function registerIpc(dispatch: Dispatch, isAppUrl: (url: string) => boolean): () => void {
  for (const name of methodNames) {
    ipcMain.handle(invokeChannel(name), (event, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isAppUrl(url)) return { ok: false, error: apiError('invalid-request', 'Request from an unknown page.') }
      return dispatch(name, input)
    })
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(invokeChannel(name))
  }
}

/** Pushes contract events to every window. */
export function forwardEvents(bus: EventBus): () => void {
  return bus.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload)
    }
  })
}
