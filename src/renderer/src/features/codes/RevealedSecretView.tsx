import type { AccountSummary, RevealedSecret } from '../../contract'
import { otpParams } from '../../ui/otp-params'

/**
 * A revealed secret, to set the account up on another device: the QR code,
 * the key in groups of four, and what an app needs besides the key to make
 * the same codes (a SHA-256, 8-digit, 60 s account typed in with defaults
 * gives wrong codes).
 */
export function RevealedSecretView({ account, revealed, hidesInS, onHide }: Readonly<{ account: AccountSummary; revealed: RevealedSecret; hidesInS: number; onHide: () => void }>) {
  const name = account.issuer || account.label
  return (
    <div className="reveal__body" data-testid="revealed">
      <img className="reveal__qr" alt={`QR code for ${name}`} src={`data:image/svg+xml;utf8,${encodeURIComponent(revealed.qrSvg)}`} />
      <div>
        <p>Scan this with the other device, or type the key and the settings below. Anyone who sees it can make your codes. It hides in {hidesInS} s.</p>
        <code className="reveal__secret">{revealed.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        <dl className="reveal__params" data-testid="revealed-params">
          {otpParams(account).map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button button--small" onClick={onHide}>
          Hide
        </button>
      </div>
    </div>
  )
}
