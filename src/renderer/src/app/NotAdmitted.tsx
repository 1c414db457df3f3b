import { NOT_ADMITTED } from '../bridge/web-bridge'

/**
 * Web mode opened without its one-time link (a new tab, a bookmark, a spent
 * link): nothing of the app's state is known, so no empty list and no
 * "server gone", only what to do.
 */
export function NotAdmitted() {
  return (
    <div className="empty" role="alert" data-testid="not-admitted">
      <h2>{NOT_ADMITTED}</h2>
      <p className="muted">
        Web mode lets in only the browser tab that opened its link, and each link works once. If that terminal is closed, run <code>npm run web</code> again: it
        prints a new link.
      </p>
    </div>
  )
}
