import path from 'node:path'
import { build, type Rollup } from 'vite'
import { describe, expect, it } from 'vitest'
import config from '../electron.vite.config'

type Chunk = Rollup.OutputChunk

/** The renderer built as the app builds it (electron.vite.config.ts' renderer section), kept in memory. */
async function rendererChunks(): Promise<Chunk[]> {
  const renderer = (config as { renderer: Record<string, unknown> & { build: Record<string, unknown> } }).renderer
  const output = (await build({ ...renderer, configFile: false, logLevel: 'silent', build: { ...renderer.build, write: false, minify: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output.filter((f): f is Chunk => f.type === 'chunk'))
}

/** The entry chunk and every chunk it imports statically: what the page evaluates before main.tsx's first line. */
function firstScript(chunks: readonly Chunk[]): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const seen = new Set<Chunk>()
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk)) return
    seen.add(chunk)
    for (const name of chunk.imports) visit(byName.get(name)!)
  }
  for (const entry of chunks.filter((c) => c.isEntry)) visit(entry)
  return [...seen]
}

const packageOf = (id: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? null
const sourceOf = (id: string) => path.relative(path.resolve(__dirname, '..'), id)

describe("the renderer's first script (built)", () => {
  it('carries no schema of the contract, and the page loads no zod at all (its frame check is plain code)', async () => {
    const chunks = await rendererChunks()
    const first = firstScript(chunks).flatMap((c) => c.moduleIds)
    // The recorder works: React and the codes screen are there.
    expect(first.map(packageOf)).toContain('react-dom')
    expect(first.map(sourceOf)).toContain('src/renderer/src/features/codes/CodesScreen.tsx')
    expect(first.map(sourceOf)).toContain('src/shared/read-server-frame.ts')
    // Files of the contract that build schemas at load.
    const schemas = first.map(sourceOf).filter((id) => id.startsWith('src/shared/contract/') && !/\/(limits|sizes|choices|api-error|build-api|host-text)\.ts$/.test(id))
    expect(schemas).toEqual([])
    expect(chunks.flatMap((c) => c.moduleIds).map(packageOf)).not.toContain('zod')
  }, 60_000)
})
