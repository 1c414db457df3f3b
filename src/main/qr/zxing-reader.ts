import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { prepareZXingModule, purgeZXingModule, ZXING_WASM_SHA256 } from 'zxing-wasm/reader'

/*
 * zxing-wasm (ZXing-C++ compiled to WebAssembly) loads its .wasm lazily, on
 * the first read. By default it fetches it from the jsDelivr CDN, and under
 * Node its Emscripten glue does so with the global fetch: the app would
 * download and run code from the network, and fail offline. So we hand it
 * the bytes of the copy installed in node_modules as `wasmBinary` before the
 * first read; with `wasmBinary` set the glue never calls fetch.
 *
 * Finding the file: `require.resolve` through the package's own export
 * ("zxing-wasm/reader/zxing_reader.wasm"), never a path relative to this
 * file. electron-vite leaves `dependencies` external, so the built
 * out/main/*.js runs a real Node `require` that walks up to node_modules just
 * as vitest's does from src/main/qr (inside an asar archive too: Electron's fs
 * reads from it).
 */

/** The package export of the reader build's WebAssembly binary. */
const WASM_EXPORT = 'zxing-wasm/reader/zxing_reader.wasm'

/** Absolute path of the reader build's .wasm in node_modules. Throws if the package is missing. */
export function readerWasmPath(): string {
  return require.resolve(WASM_EXPORT)
}

let configuredWith: string | null = null

/**
 * Points zxing-wasm at the local .wasm (once; cheap afterwards) and returns
 * its path. Throws if the file is missing or is not the binary this version
 * of the JavaScript glue was built with (a mismatched pair fails in strange
 * ways, so we refuse early).
 */
export function useLocalWasm(): string {
  if (configuredWith !== null) return configuredWith
  const path = readerWasmPath()
  const bytes = readFileSync(path)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  if (sha256 !== ZXING_WASM_SHA256) throw new Error(`${path} has SHA-256 ${sha256}, expected ${ZXING_WASM_SHA256}`)
  // A copy, so the module owns exactly the file's bytes (a Buffer may share a larger pool).
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  prepareZXingModule({ overrides: { wasmBinary } })
  configuredWith = path
  return path
}

/**
 * Drops the instantiated module. After an Emscripten abort (out of memory,
 * say) the instance is unusable, so the next read must start a fresh one.
 */
export function resetReader(): void {
  purgeZXingModule()
  configuredWith = null
}

/** The path passed to zxing-wasm, or null before the first read. For diagnostics and tests. */
export function configuredWasmPath(): string | null {
  return configuredWith
}
