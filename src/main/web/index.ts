/**
 * Web mode entry (`npm run web`), built to out/main/web.js. It starts the
 * keychain worker before anything else loads, then loads web mode itself
 * (web-mode.ts, a chunk of its own), which listens and prints the address
 * before it loads the contract and the services: the worker's start-up,
 * the loading of the services and the browser's loading of the page run
 * side by side, so the first codes come sooner.
 * test/start-up-libraries.test.ts holds this order.
 *
 * Before anything else it installs the V8 code cache for the files built
 * beside it (compile-cache.ts), so every chunk loaded after this line comes
 * from the cache from the second start on. SELLERGUARD_CACHE_DIR moves it.
 */
import path from 'node:path'
import { installCompileCache } from './compile-cache'
import { defaultCacheDir } from './paths'
import { forkKeychainProcess, startEarly } from '../vault/keychain-process'

installCompileCache({ dir: path.join(process.env.SELLERGUARD_CACHE_DIR ?? defaultCacheDir(), 'code-cache'), include: (file) => file.startsWith(__dirname + path.sep) })

const keychain = startEarly(forkKeychainProcess(path.join(__dirname, 'keychain-worker.js')))

import('./web-mode')
  .then(({ runWebMode }) => runWebMode({ keychain, builtDir: __dirname }))
  .catch((error: unknown) => {
    console.error(`SellerGuard web mode could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
