/**
 * The only bridge between the sandboxed renderer and main: the contract's
 * methods and `on(event)`, as `window.sellerguard`. No ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildApi, eventChannel, invokeChannel } from '../shared/contract'

const api = buildApi(
  (name, input) => ipcRenderer.invoke(invokeChannel(name), input),
  (name, listener) => {
    const channel = eventChannel(name)
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, handler)
    return () => void ipcRenderer.removeListener(channel, handler)
  },
)

contextBridge.exposeInMainWorld('sellerguard', api)
