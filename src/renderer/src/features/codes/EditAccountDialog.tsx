import { useEffect, useId, useState, type FormEvent } from 'react'
import { type AccountKind, type IconChoice, type RevealedSecret, type SellerRegion } from '../../contract'
import { useStore } from '../../store'
import { KindSelect } from '../../ui/KindSelect'
import { Dialog } from '../../ui/Dialog'
import { NameFields } from '../../ui/NameFields'
import { RevealedSecretView } from './RevealedSecretView'
import { KINDS_WITH_REGION, RegionSelect } from '../../ui/RegionSelect'
import { IconPicker } from './IconPicker'

const REVEAL_SECONDS = 60

/** Rename, regroup, change kind, reveal the secret (explicitly, for a while), or delete (with undo). */
export function EditAccountDialog({ id, onClose, onHelp }: Readonly<{ id: string; onClose: () => void; onHelp: (id: string) => void }>) {
  const account = useStore((s) => s.accounts.find((a) => a.id === id))
  const removeAccount = useStore((s) => s.removeAccount)
  const updateAccount = useStore((s) => s.updateAccount)
  const revealSecret = useStore((s) => s.revealSecret)
  const [issuer, setIssuer] = useState(account?.issuer ?? '')
  const [label, setLabel] = useState(account?.label ?? '')
  const [group, setGroup] = useState(account?.group ?? '')
  const [kind, setKind] = useState<AccountKind>(account?.kind ?? 'other')
  const [region, setRegion] = useState<SellerRegion | null>(account?.region ?? null)
  const [pinned, setPinned] = useState(account?.pinned ?? false)
  const [icon, setIcon] = useState<IconChoice>(account?.icon ?? { kind: 'auto' })
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = { group: useId() }

  // A revealed secret hides itself again: it should not sit on screen.
  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000)
    return () => clearTimeout(timer)
  }, [revealed])

  if (!account) return null

  async function save(event: FormEvent) {
    event.preventDefault()
    const hasRegion = KINDS_WITH_REGION.has(kind)
    // An image is kept by setIconImage when it is picked; a save only changes a non-image choice.
    const iconPatch = icon.kind === 'image' ? {} : { icon }
    const reply = await updateAccount({ id, issuer: issuer.trim(), label: label.trim(), group: group.trim(), kind, region: hasRegion ? region : null, pinned, ...iconPatch })
    if (reply.ok) onClose()
    else setError(reply.error.message)
  }

  async function reveal() {
    const reply = await revealSecret(id)
    if (reply.ok) setRevealed(reply.value)
  }

  return (
    <Dialog title={`Edit ${account.issuer || account.label}`} onClose={onClose} testId="edit-dialog">
      <form className="form" onSubmit={(e) => void save(e)}>
        <p className="form__intro">
          Did a site refuse this account’s code?{' '}
          <button type="button" className="link-button" onClick={() => onHelp(id)}>
            Code rejected?
          </button>
        </p>
        <NameFields issuer={issuer} label={label} onIssuer={setIssuer} onLabel={setLabel} />
        <div className="form__row">
          <KindSelect value={kind} onChange={(k) => k && setKind(k)} allowGuess={false} />
          {KINDS_WITH_REGION.has(kind) && <RegionSelect value={region} onChange={setRegion} />}
          <div className="form__field">
            <label htmlFor={ids.group}>Group</label>
            <input id={ids.group} className="input" value={group} onChange={(e) => setGroup(e.target.value)} />
          </div>
        </div>
        <label className="radio">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} data-testid="edit-pinned" />
          Pin: show it first in the list, the tray and the quick pick
        </label>
        <IconPicker account={{ ...account, issuer, label, kind }} value={icon} onChange={setIcon} />
        {account.verifiedAt !== null && (
          <p className="muted" data-testid="edit-verified">
            Verified working on {new Date(account.verifiedAt).toLocaleDateString()} (you confirmed the site accepted a code).
          </p>
        )}
        <section className="reveal" aria-label="Move to another device">
          {revealed ? (
            <RevealedSecretView account={account} revealed={revealed} hidesInS={REVEAL_SECONDS} onHide={() => setRevealed(null)} />
          ) : (
            <button type="button" className="button" onClick={() => void reveal()}>
              Show secret and QR code…
            </button>
          )}
        </section>
        {error && (
          <div className="field-error" role="alert" data-testid="edit-error">
            {error}
          </div>
        )}
        <footer className="form__actions">
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              void removeAccount(id)
              onClose()
            }}
          >
            Delete
          </button>
          <span className="form__spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Save
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
