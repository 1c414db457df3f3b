import { useId, useState, type FormEvent } from 'react'
import { type AccountSummary, type ApiError, type ImportPreview, type Result } from '../../contract'
import { readFileData } from '../../ui/files'
import { useStore } from '../../store'
import { KindSelect } from '../../ui/KindSelect'
import { Dialog } from '../../ui/Dialog'
import { AddedStep } from '../../ui/AddedStep'
import { ProblemMarker } from './ProblemMarker'
import { useTextCheck } from './use-text-check'
import { NameFields } from '../../ui/NameFields'
import { GroupField } from '../../ui/GroupField'
import { RegionSelect } from '../../ui/RegionSelect'
import { useKindGuess } from '../../ui/use-kind-guess'

/**
 * Add an account from Amazon's "Can't scan the barcode?" key or an
 * otpauth:// link, checked as you type. After adding, shows the code to
 * type into Amazon to finish setting up two-step verification.
 */
export function AddAccountDialog({ onClose, onPreview }: Readonly<{ onClose: () => void; onPreview: (preview: ImportPreview) => void }>) {
  const [text, setText] = useState('')
  const [issuer, setIssuer] = useState('')
  const [label, setLabel] = useState('')
  const [group, setGroup] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState<AccountSummary | null>(null)
  const addAccount = useStore((s) => s.addAccount)
  const previewImage = useStore((s) => s.previewImage)
  const previewScreen = useStore((s) => s.previewScreen)
  const info = useStore((s) => s.info)
  const canScanScreen = info?.screenCapture ?? false
  const check = useTextCheck(text)
  const ids = { text: useId(), help: useId() }
  const fromUri = check?.valid && check.source === 'uri' ? check.preview : null
  // Kind and region, pre-filled from what the name and the link say: the user confirms or changes them.
  const choice = useKindGuess(issuer.trim() || fromUri?.issuer || '', label.trim() || fromUri?.label || '')

  async function fromQr(reply: Promise<Result<ImportPreview, ApiError>>) {
    setBusy(true)
    setError(null)
    const result = await reply
    setBusy(false)
    if (result.ok) onPreview(result.value)
    else setError(result.error.message)
  }
  const fromFile = (file: File | undefined) => {
    if (file) void fromQr(readFileData(file).then((data) => (data.ok ? previewImage({ file: data.value }) : data)))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const reply = await addAccount({
      text,
      ...(issuer.trim() || !fromUri ? { issuer: issuer.trim() } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
      kind: choice.kind,
      region: choice.region,
      group: group.trim(),
    })
    setBusy(false)
    if (reply.ok) setAdded(reply.value)
    else setError(reply.error.message)
  }

  if (added) return <AddedStep account={added} onClose={onClose} />

  return (
    <Dialog title="Add an account" onClose={onClose} testId="add-dialog">
      <form
        className="form"
        onSubmit={(e) => void submit(e)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault()
          fromFile(e.dataTransfer.files[0])
        }}
        onPaste={(e) => {
          const image = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'))
          if (image) {
            e.preventDefault()
            fromFile(image)
          }
        }}
      >
        <div className="qr-actions">
          {canScanScreen && (
            <button type="button" className="button" onClick={() => void fromQr(previewScreen())} disabled={busy}>
              Scan a QR code on the screen
            </button>
          )}
          <label className="button">
            Open a QR image…
            <input type="file" accept="image/*" className="visually-hidden" onChange={(e) => fromFile(e.target.files?.[0])} data-testid="qr-file" />
          </label>
          <span className="muted">or drop or paste a screenshot here</span>
        </div>
        {info && !canScanScreen && (
          <p className="muted" data-testid="no-screen-scan">
            {info.runtime === 'web'
              ? 'Web mode cannot look at your screen (its server has no display). Take a screenshot of the QR code and paste it here, or open it as an image.'
              : 'This computer does not let SellerGuard take a picture of the screen. Take a screenshot of the QR code and paste it here, or open it as an image.'}
          </p>
        )}
        <p className="form__intro" id={ids.help}>
          In Seller Central go to <strong>Settings → Login Settings → Two-Step Verification</strong>, choose <strong>Authenticator App</strong>,
          click <strong>“Can’t scan the barcode?”</strong> and paste the key shown there. A link starting with <code>otpauth://</code> works too.
        </p>
        <label htmlFor={ids.text}>Key or otpauth:// link</label>
        <textarea
          id={ids.text}
          className="input input--mono"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567 …"
          aria-describedby={ids.help}
          aria-invalid={check?.valid === false}
          spellCheck={false}
          autoComplete="off"
          autoFocus
        />
        {check?.valid === false && (
          <div className="field-error" role="alert" data-testid="text-error">
            {check.message}
            {check.position !== null && <ProblemMarker text={text} position={check.position} />}
          </div>
        )}
        {check?.valid && (
          <p className="field-ok" data-testid="text-ok">
            {check.source === 'uri'
              ? `Link for ${check.preview.issuer || check.preview.label || 'an account'}: ${check.preview.type.toUpperCase()}, ${check.preview.digits} digits.`
              : 'Key looks right: a standard 6-digit code every 30 seconds.'}
          </p>
        )}
        {check?.valid && check.sameKeyAs.length > 0 && (
          <p className="field-warning" role="status" data-testid="text-duplicate">
            This key is already in SellerGuard as {check.sameKeyAs.map((a) => `“${[a.issuer, a.label].filter(Boolean).join(' — ')}”`).join(', ')}. Adding it again
            makes a second account with the same codes.
          </p>
        )}
        <NameFields issuer={issuer} label={label} onIssuer={setIssuer} onLabel={setLabel} labelOptional placeholders={{ issuer: fromUri?.issuer || 'Amazon Seller Central', label: fromUri?.label || 'you@example.com' }} />
        <div className="form__row">
          <KindSelect value={choice.kind} onChange={(k) => k && choice.setKind(k)} allowGuess={false} />
          {choice.hasRegion && <RegionSelect value={choice.region} onChange={choice.setRegion} />}
          <GroupField value={group} onChange={setGroup} />
        </div>
        {error && (
          <div className="field-error" role="alert" data-testid="add-error">
            {error}
          </div>
        )}
        <footer className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !check?.valid}>
            Add account
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
