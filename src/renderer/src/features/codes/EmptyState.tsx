import { useStore } from '../../store'

export function EmptyState({ onAdd, onImport }: Readonly<{ onAdd: () => void; onImport: () => void }>) {
  const showScreen = useStore((s) => s.showScreen)
  const lockOff = useStore((s) => s.lock?.state === 'off')
  return (
    <div className="empty" data-testid="empty-state">
      <h2>Add your first account</h2>
      <ol className="empty__steps">
        <li>
          Sign in to Seller Central and open <strong>Settings → Login Settings</strong>, then <strong>Two-Step Verification</strong> (Advanced Security
          Settings).
        </li>
        <li>
          Choose <strong>Authenticator App</strong> as the way to receive codes.
        </li>
        <li>
          Click <strong>“Can’t scan the barcode?”</strong>. Amazon shows a key of 52 letters and digits in groups of four.
        </li>
        <li>Paste that key into SellerGuard, then type the code it shows back into Amazon.</li>
      </ol>
      <div className="empty__actions">
        <button type="button" className="button button--primary" onClick={onAdd}>
          Add account
        </button>
        <button type="button" className="button" onClick={onImport}>
          Import accounts
        </button>
      </div>
      <p className="muted">
        Moving from another authenticator? Import its export (Aegis, 2FAS, Google Authenticator, Bitwarden, Ente Auth and more), or drop the file here.
      </p>
      {lockOff && (
        <p className="muted" data-testid="offer-lock">
          Sharing this computer with staff? An app password keeps SellerGuard locked and your secrets encrypted in the keychain.{' '}
          <button type="button" className="link-button" onClick={() => showScreen('settings')}>
            Set one in Settings
          </button>
        </p>
      )}
    </div>
  )
}
