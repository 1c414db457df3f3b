import { useId, useState } from 'react'
import { clockCondition, hostProblem, MAX_NTP_SERVERS, robustnessWords, TIME_SERVER_NAME, TIME_SITE_NAME, type Reply, type Settings, type SettingsPatch } from '../../contract'
import { useStore } from '../../store'
import { useNow } from '../clock/use-now'

type Saving = 'idle' | 'saving' | 'saved' | 'failed'

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The first thing wrong with a list of hosts, in the contract's own words ("port 99999 does not exist…"). */
function problemOf(lines: readonly string[], name: string, what: string, min: number): string | null {
  if (lines.length < min) return `Give at least one ${what}.`
  if (lines.length > MAX_NTP_SERVERS) return `At most ${MAX_NTP_SERVERS} ${what}s.`
  for (const [i, line] of lines.entries()) {
    const problem = hostProblem(line, name)
    if (problem) return `Line ${i + 1}: ${problem}`
  }
  return null
}

/**
 * Time servers and the HTTPS fallback: what is wrong with a line (the port
 * range too), what the check can promise with how many servers answered,
 * and after saving, "Saved" and the result of the check of the new servers.
 */
export function TimeServersField({ settings, onSave }: Readonly<{ settings: Settings; onSave: (patch: SettingsPatch) => Promise<Reply<'settings.update'>> }>) {
  const ids = { servers: useId(), serversHelp: useId(), hosts: useId(), hostsHelp: useId(), result: useId() }
  const clock = useStore((s) => s.clock)
  const [servers, setServers] = useState(settings.ntpServers.join('\n'))
  const [hosts, setHosts] = useState(settings.httpsTimeHosts.join('\n'))
  const [saving, setSaving] = useState<Saving>('idle')
  const serverLines = linesOf(servers)
  const hostLines = linesOf(hosts)
  const serverProblem = problemOf(serverLines, TIME_SERVER_NAME, 'server', 1)
  const hostProblem = problemOf(hostLines, TIME_SITE_NAME, 'site', 0)
  const changed = serverLines.join('\n') !== settings.ntpServers.join('\n') || hostLines.join('\n') !== settings.httpsTimeHosts.join('\n')

  async function save() {
    setSaving('saving')
    const reply = await onSave({ ntpServers: serverLines, httpsTimeHosts: hostLines })
    setSaving(reply.ok ? 'saved' : 'failed')
  }

  const m = clock?.measurement ?? null
  const claim = m ? robustnessWords(m.answered, m.agreed, m.source) : 'SellerGuard asks every server and uses the time most of them agree on; with three or more answering, one wrong server cannot mislead it.'
  const condition = clockCondition(clock, useNow(30_000))
  const result =
    saving === 'saved' ? (clock?.checking ? 'Saved. Checking the new servers…' : `Saved. The check of the new servers: ${condition.short}. ${m ? robustnessWords(m.answered, m.agreed, m.source) : (condition.headline ?? '')}`) : saving === 'saving' ? 'Saving…' : saving === 'failed' ? 'Not saved: see the message above.' : null

  return (
    <>
      <fieldset className="field">
        <legend>Time servers</legend>
        <label htmlFor={ids.servers}>One per line (host, host:port or [IPv6]:port; ports 1–65535)</label>
        <textarea
          id={ids.servers}
          className="input input--mono"
          rows={5}
          value={servers}
          onChange={(e) => setServers(e.target.value)}
          aria-describedby={ids.serversHelp}
          aria-invalid={serverProblem !== null}
          spellCheck={false}
          data-testid="ntp-servers"
        />
        <p id={ids.serversHelp} className={serverProblem ? 'field-error' : 'muted'} data-testid="ntp-servers-help">
          {serverProblem ?? claim}
        </p>
      </fieldset>
      <fieldset className="field">
        <legend>When no time server answers</legend>
        <label className="toggle">
          <input type="checkbox" checked={settings.httpsTimeFallback} onChange={(e) => void onSave({ httpsTimeFallback: e.target.checked })} data-testid="https-fallback" />
          Read the time from these sites’ HTTPS replies (where UDP port 123 is blocked, as on many office and hotel networks)
        </label>
        <label htmlFor={ids.hosts}>Sites, one per line: SellerGuard contacts only these, and only when no time server answers</label>
        <textarea
          id={ids.hosts}
          className="input input--mono"
          rows={5}
          value={hosts}
          onChange={(e) => setHosts(e.target.value)}
          aria-describedby={ids.hostsHelp}
          aria-invalid={hostProblem !== null}
          spellCheck={false}
          disabled={!settings.httpsTimeFallback}
          data-testid="https-hosts"
        />
        <p id={ids.hostsHelp} className={hostProblem ? 'field-error' : 'muted'}>
          {hostProblem ?? 'The time that matters is the time of the site that checks your codes, so Amazon’s sites come first. Results are shown as “HTTPS time, ±N ms”.'}
        </p>
      </fieldset>
      <div className="field">
        <button type="button" className="button" disabled={!changed || serverProblem !== null || hostProblem !== null || saving === 'saving'} onClick={() => void save()}>
          Save servers
        </button>
        <p id={ids.result} role="status" className="muted" data-testid="servers-saved">
          {result}
        </p>
      </div>
    </>
  )
}
