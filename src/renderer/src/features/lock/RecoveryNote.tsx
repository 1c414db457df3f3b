/** What a forgotten password means, said wherever the password is asked for or set. */
export function RecoveryNote() {
  return (
    <p className="muted unlock__recovery" data-testid="lock-recovery">
      Forgot the password? Nobody can reset it, not even SellerGuard: your secrets in the keychain are encrypted with it. Wrong tries never delete anything; they only make you
      wait. Without the password, your accounts can only come back from an encrypted backup (Settings, Import and backup).
    </p>
  )
}
