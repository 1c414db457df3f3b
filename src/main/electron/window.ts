import { BrowserWindow, screen } from 'electron'
import type { StoredFile } from '../storage/stored-file'
import { MIN_HEIGHT, MIN_WIDTH, restoreWindowState, type WindowState } from './window-state'

export type MainWindowOptions = Readonly<{
  preload: string
  url: string
  icon?: string
  stateFile: StoredFile<WindowState>
  /** Checked when the user closes the window: true hides it (close to tray). */
  shouldHideOnClose?: () => boolean
}>

/** Opens the main window where the user left it, and remembers where they leave it. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await options.stateFile.load()
  const workAreas = screen.getAllDisplays().map((d) => d.workArea)
  const state = restoreWindowState(saved.kind === 'loaded' ? saved.value : null, workAreas)
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'SellerGuard',
    backgroundColor: '#00000000',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    // The renderer gets no Node, runs sandboxed, and sees main only through the
    // preload's contract. Written out here (not built by a helper) so that
    // Electronegativity can read it.
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK): the preload exposes only the contract's
      // methods and on(), never ipcRenderer or Node; see src/preload/index.ts and its test.
      preload: options.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let timer: NodeJS.Timeout | undefined
  const remember = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (window.isDestroyed()) return
      const bounds = window.getNormalBounds()
      void options.stateFile.save({ ...bounds, maximized: window.isMaximized() })
    }, 300)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember)
  window.on('close', (event) => {
    if (options.shouldHideOnClose?.()) {
      event.preventDefault()
      window.hide()
      return
    }
    clearTimeout(timer)
    void options.stateFile.save({ ...window.getNormalBounds(), maximized: window.isMaximized() })
  })

  await window.loadURL(options.url)
  return window
}
