import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/*
 * The built app runs this code from out/main/*.js, bundled by electron-vite
 * with `dependencies` left external. This builds decode.ts with the project's
 * own main-process config (electron.vite.config.ts) into .tmp/ and runs the
 * bundle in a plain Node child, with fetch replaced by a failing stub: the
 * .wasm must be found from the bundle's location, not from src/.
 */
const ROOT = path.resolve(__dirname, '../../..')
const WORK = path.join(ROOT, '.tmp', `qr-bundle-${process.pid}`)
const OUT = path.join(WORK, 'out')
const URI = 'otpauth://totp/Bundle:check?secret=JBSWY3DPEHPK3PXP&issuer=Bundle'

const CONFIG = `
import base from ${JSON.stringify(path.join(ROOT, 'electron.vite.config.ts'))}
const main = base.main
export default {
  main: {
    ...main,
    build: {
      ...main.build,
      outDir: ${JSON.stringify(OUT)},
      rollupOptions: { input: {
        decode: ${JSON.stringify(path.join(ROOT, 'src/main/qr/decode.ts'))},
        reader: ${JSON.stringify(path.join(ROOT, 'src/main/qr/zxing-reader.ts'))},
      } },
    },
  },
}
`

const RUN = `
globalThis.fetch = () => { throw new Error('network used') }
const { decodeQrImage } = require('./out/decode.js')
const { configuredWasmPath } = require('./out/reader.js')
const image = require('node:fs').readFileSync(process.argv[2])
decodeQrImage(new Uint8Array(image)).then((result) => {
  process.stdout.write(JSON.stringify({ result, wasm: configuredWasmPath() }))
})
`

describe('the built main-process bundle', () => {
  beforeAll(() => {
    mkdirSync(WORK, { recursive: true })
    writeFileSync(path.join(WORK, 'electron.vite.config.ts'), CONFIG)
    writeFileSync(path.join(WORK, 'run.cjs'), RUN)
  })
  afterAll(() => {
    rmSync(WORK, { recursive: true, force: true })
    try {
      rmdirSync(path.dirname(WORK))
    } catch {
      // .tmp holds other runs' files: leave it
    }
  })

  it('keeps zxing-wasm external and loads the .wasm from node_modules', async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--config', path.join(WORK, 'electron.vite.config.ts')], { cwd: ROOT, stdio: 'pipe' })
    const bundle = readFileSync(path.join(OUT, 'decode.js'), 'utf8')
    expect(bundle).toMatch(/require\("zxing-wasm\/reader"\)/)
    expect(bundle).not.toContain('jsdelivr')
    // Resolved when it runs, from wherever the bundle is: not a path fixed at build time.
    const reader = readFileSync(path.join(OUT, 'reader.js'), 'utf8')
    expect(reader).toContain('require.resolve(')
    expect(reader).toContain('"zxing-wasm/reader/zxing_reader.wasm"')
    expect(reader).not.toContain(ROOT)

    const image = path.join(WORK, 'qr.png')
    await QRCode.toFile(image, URI, { type: 'png' })
    const output = execFileSync(process.execPath, [path.join(WORK, 'run.cjs'), image], { cwd: WORK, encoding: 'utf8' })
    expect(JSON.parse(output)).toEqual({
      result: { ok: true, value: [URI] },
      wasm: path.join(ROOT, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'),
    })
  }, 60_000)
})
