import { describeOffset, formatDetailMs, type ServerResult } from '../../contract'

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
  'https-error': 'could not be reached over HTTPS',
  'no-date': 'sent no usable time',
  inconsistent: 'gave contradictory times',
}

/** The servers of the last check: the offset in words, and the raw figures only in the columns labelled in ms. */
export function ServerTable({ servers }: Readonly<{ servers: readonly ServerResult[] }>) {
  if (servers.length === 0) return <p className="muted">No check has run yet.</p>
  return (
    <table className="table" data-testid="server-table">
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Result</th>
          <th scope="col">Says your clock is</th>
          <th scope="col">Offset (ms, details)</th>
          <th scope="col">Round trip (ms)</th>
        </tr>
      </thead>
      <tbody>
        {servers.map((s) => (
          <tr key={`${s.source}:${s.server}`}>
            <td>
              {s.server}
              {s.source === 'https' && <span className="muted"> (HTTPS time)</span>}
              {s.address && s.address !== s.server && s.source === 'ntp' && <span className="muted"> ({s.address})</span>}
            </td>
            <td className={s.used ? 'ok-text' : 'muted'}>{s.used ? 'used' : (REASONS[s.reason ?? ''] ?? s.reason)}</td>
            <td>{s.offsetMs === null ? '—' : describeOffset(s.offsetMs)}</td>
            <td className="num">{s.offsetMs === null ? '—' : formatDetailMs(s.offsetMs)}</td>
            <td className="num">{s.delayMs === null ? '—' : formatDetailMs(s.delayMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
