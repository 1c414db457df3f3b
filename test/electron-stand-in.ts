/**
 * A recording stand-in for the `electron` module, used only to observe what
 * the composition root (out/main/index.js) and the preload give the real
 * Electron: this machine cannot run the Electron binary. It implements just
 * the calls those files make and records every one of them.
 */
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import Module from 'node:module'
import os from 'node:os'
import path from 'node:path'

type Listener = (...args: unknown[]) => unknown

export class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: Array<[string, unknown]> = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  /** Emits like Electron: returns whether a listener called preventDefault. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

/**
 * Electron's utility process, played by a forked Node child: a preload gives
 * the child `process.parentPort` as Electron does, so the module runs the
 * same code path as under Electron.
 */
function forkUtility(modulePath: string, args: string[], record: { calls: string[]; utilityProcesses: EventEmitter[]; utilityMessages: unknown[] }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-utility-'))
  const preload = path.join(dir, 'parent-port.js')
  writeFileSync(
    preload,
    `const { EventEmitter } = require('node:events')
const port = new EventEmitter()
process.on('message', (data) => port.emit('message', { data }))
port.postMessage = (message) => process.send(message)
process.parentPort = port
`,
  )
  record.calls.push(`utilityProcess.fork ${path.basename(modulePath)}`)
  const child = fork(modulePath, args, { execArgv: ['--require', preload], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  child.unref()
  child.channel?.unref()
  const utility = Object.assign(new EventEmitter(), {
    pid: child.pid,
    postMessage: (message: unknown) => {
      record.utilityMessages.push(message)
      if (child.connected) child.send(message as object)
    },
    kill: () => child.kill('SIGKILL'),
  })
  child.on('message', (message) => utility.emit('message', message))
  child.on('exit', (code) => utility.emit('exit', code ?? 1))
  record.utilityProcesses.push(utility)
  return utility
}

export function createElectronStandIn(userData: string, options: Readonly<{ isPackaged?: boolean }> = {}) {
  const record = {
    calls: [] as string[],
    windows: [] as FakeWindow[],
    ipcHandlers: new Map<string, Listener>(),
    ipcHandleCount: new Map<string, number>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    deviceHandler: null as Listener | null,
    exposed: new Map<string, unknown>(),
    invoked: [] as Array<[string, unknown]>,
    rendererListeners: new Map<string, Listener[]>(),
    appEvents: new EventEmitter(),
    trayMenus: [] as unknown[],
    utilityProcesses: [] as EventEmitter[],
    utilityMessages: [] as unknown[],
    /** powerMonitor's events (lock-screen, suspend, resume): a test emits them. */
    power: new EventEmitter(),
    idleSeconds: 0,
  }

  class FakeWindow extends EventEmitter {
    static getAllWindows = () => record.windows
    webContents = new FakeContents()
    loadedUrl: string | null = null
    constructor(public options: Record<string, unknown>) {
      super()
      record.windows.push(this)
      record.appEvents.emit('web-contents-created', {}, this.webContents)
      record.appEvents.emit('browser-window-created', {}, this)
    }
    contentProtection: boolean | null = null
    setContentProtection(value: boolean) {
      this.contentProtection = value
    }
    async loadURL(url: string) {
      this.loadedUrl = url
    }
    maximize() {}
    show() {}
    hide() {}
    focus() {}
    restore() {}
    isMinimized = () => false
    isDestroyed = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 10, y: 10, width: 1100, height: 720 })
  }

  const electron = {
    app: {
      isPackaged: options.isPackaged ?? false,
      enableSandbox: () => record.calls.push('app.enableSandbox'),
      requestSingleInstanceLock: () => (record.calls.push('app.requestSingleInstanceLock'), true),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? userData : `/nonexistent/${name}`),
      setPath: (name: string, value: string) => record.calls.push(`app.setPath ${name} ${value}`),
      getVersion: () => '0.0.0-test',
      on: (event: string, listener: Listener) => record.appEvents.on(event, listener),
      quit: () => record.calls.push('app.quit'),
      exit: (code: number) => record.calls.push(`app.exit ${code}`),
      setLoginItemSettings: (settings: unknown) => record.calls.push(`app.setLoginItemSettings ${JSON.stringify(settings)}`),
    },
    BrowserWindow: FakeWindow,
    utilityProcess: { fork: (modulePath: string, args: string[] = []) => forkUtility(modulePath, args, record) },
    clipboard: {
      text: '',
      async readText() {
        return this.text
      },
      async writeText(text: string) {
        this.text = text
      },
    },
    powerMonitor: {
      on: (event: string, listener: Listener) => (record.calls.push(`powerMonitor.on ${event}`), record.power.on(event, listener)),
      getSystemIdleTime: () => record.idleSeconds,
    },
    shell: { openExternal: async (url: string) => void record.calls.push(`shell.openExternal ${url}`) },
    desktopCapturer: { getSources: async () => [] },
    Tray: class {
      constructor(public image: unknown) {
        record.calls.push('new Tray')
      }
      setImage() {}
      setToolTip() {}
      setContextMenu(menu: unknown) {
        record.trayMenus.push(menu)
      }
    },
    Menu: { buildFromTemplate: (template: unknown) => template },
    nativeImage: { createFromPath: (p: string) => ({ path: p, setTemplateImage() {} }) },
    Notification: class {
      static isSupported = () => true
      constructor(public options: unknown) {}
      show() {
        record.calls.push('notification')
      }
    },
    globalShortcut: {
      register: (accelerator: string) => (record.calls.push(`globalShortcut ${accelerator}`), true),
      unregisterAll: () => undefined,
    },
    screen: { getPrimaryDisplay: () => ({ size: { width: 1920, height: 1080 }, scaleFactor: 1 }), getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (record.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Listener) => (record.permissionCheckHandler = h),
        setDevicePermissionHandler: (h: Listener) => (record.deviceHandler = h),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        record.ipcHandlers.set(channel, listener)
        record.ipcHandleCount.set(channel, (record.ipcHandleCount.get(channel) ?? 0) + 1)
      },
      removeHandler: (channel: string) => record.ipcHandlers.delete(channel),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => record.exposed.set(key, value),
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        record.invoked.push([channel, input])
        return { ok: true, value: null }
      },
      on: (channel: string, listener: Listener) => record.rendererListeners.set(channel, [...(record.rendererListeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: Listener) =>
        record.rendererListeners.set(channel, (record.rendererListeners.get(channel) ?? []).filter((l) => l !== listener)),
    },
  }
  return { electron, record }
}

/** Requires a built bundle with `electron` resolved to the stand-in. */
export function requireWithElectron(file: string, electron: unknown): unknown {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const original = loader._load
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return electron
    return original.call(this, request, ...rest)
  }
  try {
    return (Module as unknown as { createRequire: (p: string) => NodeJS.Require }).createRequire(file)(file)
  } finally {
    // The bundle's own require calls run synchronously at load; later ones (none today) would see the real module.
    loader._load = original
  }
}
