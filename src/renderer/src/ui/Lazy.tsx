import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react'

/**
 * A component whose module loads when it is first shown: Vite makes that
 * module a chunk of its own, so the first screen's script does not carry
 * the screens and dialogs it does not show. Served like every other file
 * (same origin, so the CSP's `script-src 'self'` covers it).
 */
export function lazyNamed<P extends object, K extends string>(load: () => Promise<Readonly<Record<K, ComponentType<P>>>>, name: K): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }))
}

/** How long a load may take before the status line says so: from here (loopback, local files) it takes a few ms, and a flash of text would only distract. */
export const LOADING_DELAY_MS = 400

/** The status line while a part loads: an empty live region at first, so the words are announced when they appear. */
function Loading() {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), LOADING_DELAY_MS)
    return () => clearTimeout(timer)
  }, [])
  return (
    <p role="status" className="muted" data-testid="loading-part">
      {slow ? 'Loading…' : ''}
    </p>
  )
}

type BoundaryState = { failed: boolean }

/** A part whose file could not be loaded (web mode's server stopped, say): said in its place; the rest of the app carries on. */
class LoadFailure extends Component<Readonly<{ children: ReactNode }>, BoundaryState> {
  override state: BoundaryState = { failed: false }
  static getDerivedStateFromError(): BoundaryState {
    return { failed: true }
  }
  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" className="banner banner--error" data-testid="load-failed">
        <span>This part of SellerGuard could not be loaded. Reload the page to try again.</span>
      </div>
    )
  }
}

/** Where lazily loaded parts (lazyNamed) are shown: a status line while one loads, a clear message if it cannot. */
export function LazyPart({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <LoadFailure>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </LoadFailure>
  )
}
