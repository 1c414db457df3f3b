export function CodesScreen() {
  return (
    <section className="screen" aria-labelledby="codes-title">
      <header className="screen__header">
        <h1 id="codes-title">Codes</h1>
      </header>
      <div className="empty">
        <h2>Add your first account</h2>
        <p>
          In Seller Central, open <strong>Settings → Login Settings → Two-Step Verification</strong>, choose{' '}
          <strong>Authenticator App</strong>, then click <strong>“Can’t scan the barcode?”</strong> to see the key.
        </p>
      </div>
    </section>
  )
}
