import type { ServerResult } from '../../contract'

const REASONS: Readonly<Record<string, string>> = {
  timeout: 'did not answer',
  dns: 'name not found',
  socket: 'network error',
  falseticker: 'disagreed with the others',
  'no-majority': 'no majority',
  unsynchronised: 'not synchronised itself',
  'kod-rate': 'asked us to slow down',
  'kod-deny': 'refused us',
  'kod-rstr': 'refused us',
  'backed-off': 'paused (it asked us to slow down)',
  'too-distant': 'too far from a reference clock',
  duplicate: 'listed twice',
  'bad-server': 'not a valid server name',
}

export function ServerTable({ servers }: Readonly<{ servers: readonly ServerResult[] }>) {
  if (servers.length === 0) return <p className="muted">No check has run yet.</p>
  return (
    <table className="table" data-testid="server-table">
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Result</th>
          <th scope="col">Offset</th>
          <th scope="col">Round trip</th>
        </tr>
      </thead>
      <tbody>
        {servers.map((s) => (
          <tr key={s.server}>
            <td>
              {s.server}
              {s.address && s.address !== s.server && <span className="muted"> ({s.address})</span>}
            </td>
            <td className={s.used ? 'ok-text' : 'muted'}>{s.used ? 'used' : (REASONS[s.reason ?? ''] ?? s.reason)}</td>
            <td>{s.offsetMs === null ? '—' : `${Math.round(s.offsetMs)} ms`}</td>
            <td>{s.delayMs === null ? '—' : `${s.delayMs.toFixed(1)} ms`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
