import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import pkg from './package.json'

/**
 * The dev server's React Refresh preamble is an inline script and HMR uses
 * a WebSocket to the dev server; only under `electron-vite dev` does the
 * page's CSP allow those. Built files keep the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'sellerguard-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  }
}

export default defineConfig({
  main: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // Bundled, not loaded from node_modules at run time: zod is ~95 files, and web mode's code cache
      // (src/main/web/compile-cache.ts) covers only the built files. Both are plain JavaScript.
      externalizeDeps: { exclude: ['zod', 'otpauth'] },
      rollupOptions: {
        // A lazily loaded library comes in with require(), as every library here has a CommonJS build:
        // a file compiled from the code cache (vm.Script) cannot run import().
        output: { dynamicImportInCjs: false },
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/index.ts'),
          // Its own file: the desktop app starts it as a utility process, web mode forks it.
          'keychain-worker': resolve(__dirname, 'src/main/vault/keychain-worker.ts'),
          // Imports derive keys on this worker thread (src/main/transfer/worker/client.ts).
          'transfer-worker': resolve(__dirname, 'src/main/transfer/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'): bundle everything else into it.
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      target: 'es2022',
      // Electron 39+ is Chromium 142+ (45 is 156): ship light-dark() (ui/theme.css) as written, not lowered to a polyfill.
      cssTarget: 'chrome142',
      // electron-vite leaves the renderer unminified; minified it parses in a third of the time.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), devCsp()],
  },
})
