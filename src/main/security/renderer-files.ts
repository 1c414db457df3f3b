import { promises as fs } from 'node:fs'
import path from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export type RendererFile = Readonly<{ body: Buffer; contentType: string }>

/**
 * Reads a file of the built renderer for a URL path, or null. Paths that
 * would leave `root` (`..`, encoded slashes, absolute paths, symlinks whose
 * real path is outside it) are refused, so
 * neither the custom protocol nor web mode can serve anything else on disk.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/, 1)[0] ?? '/')
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const resolvedRoot = path.resolve(root)
  const target = path.resolve(resolvedRoot, relative)
  if (target !== resolvedRoot && !target.startsWith(resolvedRoot + path.sep)) return null
  const type = CONTENT_TYPES[path.extname(target).toLowerCase()]
  if (!type) return null
  try {
    // A symlink inside the folder may point anywhere: what counts is where the file really is.
    const [realRoot, realTarget] = await Promise.all([fs.realpath(resolvedRoot), fs.realpath(target)])
    if (!realTarget.startsWith(realRoot + path.sep)) return null
    return { body: await fs.readFile(realTarget), contentType: type }
  } catch {
    return null
  }
}
