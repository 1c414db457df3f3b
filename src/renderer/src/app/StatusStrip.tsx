import { useState } from 'react'
import { clockCondition } from '../contract'
import { useNow } from '../features/clock/use-now'
import { useStore } from '../store'

type Tone = 'ok' | 'warn' | 'critical' | 'unknown'

function StatusItem({ id, tone, text, explanation }: Readonly<{ id: string; tone: Tone; text: string; explanation: string }>) {
  const [open, setOpen] = useState(false)
  return (
    <span className="status-item">
      <button
        type="button"
        className={`status status--${tone}`}
        data-testid={`${id}-status`}
        data-tone={tone}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className="status__dot" aria-hidden="true" />
        {text}
      </button>
      {open && (
        <span className="status-popover" role="note" data-testid={`${id}-explanation`}>
          {explanation}
        </span>
      )}
    </span>
  )
}

/** Always visible: is the keychain usable, is the clock right. Click either for a plain explanation. */
export function StatusStrip() {
  const clock = useStore((s) => s.clock)
  const now = useNow(30_000)
  const keychain = useStore((s) => s.keychain)
  const info = useStore((s) => s.info)
  const k = keychain?.state ?? 'checking'
  const name = keychain?.keychainName ?? 'keychain'
  const keyTone: Tone = k === 'ready' ? (keychain?.missingSecrets.length ? 'warn' : 'ok') : k === 'checking' ? 'unknown' : 'critical'
  const keyText = { ready: 'Keychain ready', checking: 'Opening keychain…', locked: 'Keychain locked', unavailable: 'No keychain', 'not-answering': 'Keychain not answering' }[k]
  const keyExplanation =
    k === 'ready'
      ? `Your secrets are stored in the ${name}, protected by your login. SellerGuard never writes them to a file.`
      : k === 'checking'
        ? `SellerGuard is opening the ${name}.`
        : (keychain?.help ?? '')

  const condition = clockCondition(clock, now)
  const clockText = condition.age ? `${condition.short} · ${condition.age}` : condition.short
  const clockExplanation = [condition.headline, condition.codes, condition.caveat].filter(Boolean).join(' ')

  return (
    <footer className="status-strip" aria-label="Status">
      <StatusItem id="keychain" tone={keyTone} text={keyText} explanation={keyExplanation} />
      <StatusItem id="clock" tone={condition.tone} text={clockText} explanation={clockExplanation} />
      <span className="status-strip__spacer" />
      {info && (
        <span className="status-strip__meta" data-testid="app-version">
          SellerGuard {info.version} · {info.runtime === 'web' ? 'web mode' : 'desktop'}
        </span>
      )}
    </footer>
  )
}
