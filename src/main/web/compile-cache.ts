/**
 * A V8 code cache for web mode's own built files (out/main), so a start
 * after the first one does not parse and compile them again: the contract
 * and zod alone took ~100 ms to compile and run at each start, ~25 ms from
 * the cache (measured here, Node 20; Node 22's module.enableCompileCache
 * does the same but Node 20 has none).
 *
 * Each included CommonJS file is compiled with `vm.Script` and its cached
 * data; what was compiled without a usable cache is written once, a few
 * seconds after start (functions compiled lazily by then are in it) or at
 * exit. One cache file per source file, named from its path, holding the
 * SHA-256 of the source it was made from: a changed file is compiled afresh
 * and its cache replaced, so the folder never grows past one file per entry.
 *
 * The cache is only ever a speed-up: any fault (a folder that cannot be
 * made, a damaged or foreign file, a cache V8 rejects) compiles the file the
 * normal way. Cached code runs in this process, so the folder must be this
 * user's alone: one that another user can write to (group or world
 * writable, owned by someone else, or a symlink) is not used.
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import Module from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

export type CompileCacheStats = {
  /** Why the cache is off (null while it is on). */
  off: string | null
  /** Files compiled from their cache. */
  hits: number
  /** Files with no usable cache file: none yet, one made from other source, or one the owner and mode checks refused. */
  misses: number
  /** Files whose cache V8 refused (another V8 build or flags, or damaged data). */
  rejected: number
  /** Cache files written. */
  written: number
}

export type CompileCache = Readonly<{ stats: () => CompileCacheStats; flush: () => void }>

type CompileModule = { exports: unknown; require: (id: string) => unknown; _compile: (content: string, filename: string) => unknown }
type ModuleInternals = {
  prototype: CompileModule
  wrap: (content: string) => string
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string
  _extensions: unknown
  _cache: unknown
}

const HASH_BYTES = 32

/** Installs the cache for files `include` accepts, from now on in this process. */
export function installCompileCache(options: Readonly<{ dir: string; include: (filename: string) => boolean; writeAfterMs?: number }>): CompileCache {
  const stats: CompileCacheStats = { off: null, hits: 0, misses: 0, rejected: 0, written: 0 }
  const pending: { file: string; hash: Buffer; script: vm.Script }[] = []
  const flush = (): void => {
    for (const { file, hash, script } of pending.splice(0)) {
      try {
        writeAtomically(file, Buffer.concat([hash, script.createCachedData()]))
        stats.written++
      } catch {
        // A full disk or a folder removed meanwhile: the next start compiles again.
      }
    }
  }
  stats.off = usableFolder(options.dir)
  if (stats.off) return { stats: () => ({ ...stats }), flush }

  const ModuleClass = Module as unknown as ModuleInternals
  const compile = ModuleClass.prototype._compile
  const flavour = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0`)
  ModuleClass.prototype._compile = function (this: CompileModule, content: string, filename: string) {
    if (!options.include(filename) || content.startsWith('#!')) return compile.call(this, content, filename)
    const file = path.join(options.dir, `${flavour.copy().update(filename).digest('hex').slice(0, 40)}.v8`)
    const hash = createHash('sha256').update(content).digest()
    const kept = readOwnFile(file)
    const cachedData = kept && kept.length > HASH_BYTES && kept.subarray(0, HASH_BYTES).equals(hash) ? kept.subarray(HASH_BYTES) : undefined
    const script = new vm.Script(ModuleClass.wrap(content), { filename, cachedData })
    if (cachedData && !script.cachedDataRejected) stats.hits++
    else {
      if (cachedData) stats.rejected++
      else stats.misses++
      pending.push({ file, hash, script })
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown
    return wrapper.call(this.exports, this.exports, requireFor(this, ModuleClass), this, filename, path.dirname(filename))
  }
  setTimeout(flush, options.writeAfterMs ?? 3000).unref()
  process.once('exit', flush)
  return { stats: () => ({ ...stats }), flush }
}

/** Why the folder cannot hold the cache, or null when it can. */
function usableFolder(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stat = lstatSync(dir)
    if (!stat.isDirectory()) return `${dir} is not a folder`
    if (process.platform === 'win32') return null
    if (process.getuid && stat.uid !== process.getuid()) return `${dir} belongs to another user`
    if ((stat.mode & 0o022) !== 0) return `${dir} can be written by other users`
    return null
  } catch (error) {
    return `${dir} cannot be used: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** The file's bytes if it is a plain file of this user's, else undefined. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return undefined
    if (process.platform !== 'win32' && ((process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0)) return undefined
    return readFileSync(fd)
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, data, { mode: 0o600 })
  renameSync(temporary, file)
}

/** The `require` Node gives a module (lib/internal/modules/helpers.js makeRequireFunction). */
function requireFor(module: CompileModule, ModuleClass: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require
  const resolve = ((request: string, resolveOptions?: unknown) => ModuleClass._resolveFilename(request, module, false, resolveOptions)) as NodeJS.RequireResolve
  resolve.paths = (request: string) => (Module as unknown as { _resolveLookupPaths: (r: string, m: unknown) => string[] | null })._resolveLookupPaths(request, module)
  require.resolve = resolve
  require.main = process.mainModule
  require.extensions = ModuleClass._extensions as NodeJS.RequireExtensions
  require.cache = ModuleClass._cache as NodeJS.Dict<NodeJS.Module>
  return require
}
