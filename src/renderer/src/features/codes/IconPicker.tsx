import { useId, useState } from 'react'
import { BRANDS, badgeFor, matchBrand, type AccountSummary, type IconChoice } from '../../contract'
import { readFileData } from '../../ui/files'
import { useStore } from '../../store'
import { AccountBadge } from './AccountBadge'

type Props = Readonly<{ account: AccountSummary; value: IconChoice; onChange: (choice: IconChoice) => void }>

/**
 * The account's badge: automatic (its brand, else letters), letters, a
 * brand from the shipped set, or an image from this computer. An image is
 * sent to main at once; main checks its type and size and keeps it in the
 * data folder, so the choice is saved with the image, not with the form.
 */
export function IconPicker({ account, value, onChange }: Props) {
  const setIconImage = useStore((s) => s.setIconImage)
  const [error, setError] = useState<string | null>(null)
  const [imageVersion, setImageVersion] = useState(account.updatedAt)
  const ids = { brand: useId(), file: useId(), group: useId(), error: useId() }
  const auto = matchBrand(account)?.brand.title
  const brand = value.kind === 'brand' ? value.brand : (matchBrand(account)?.brand.id ?? BRANDS[0]!.id)

  async function pickImage(file: File | undefined) {
    if (!file) return
    setError(null)
    const data = await readFileData(file)
    if (!data.ok) return setError(data.error.message)
    const reply = await setIconImage(account.id, data.value)
    if (!reply.ok) return setError(reply.error.message)
    setImageVersion(reply.value.updatedAt)
    onChange({ kind: 'image' })
  }

  const preview = badgeFor({ ...account, choice: value })
  return (
    <fieldset className="field icon-picker" aria-describedby={error ? ids.error : undefined}>
      <legend>Icon</legend>
      <div className="icon-picker__row">
        <AccountBadge badge={preview} accountId={account.id} version={imageVersion} />
        <div className="icon-picker__choices">
          <label className="radio">
            <input type="radio" name={ids.group} checked={value.kind === 'auto'} onChange={() => onChange({ kind: 'auto' })} />
            Automatic{auto ? ` (${auto})` : ' (letters: no known brand)'}
          </label>
          <label className="radio">
            <input type="radio" name={ids.group} checked={value.kind === 'letters'} onChange={() => onChange({ kind: 'letters' })} />
            Letters
          </label>
          <div className="radio">
            <input type="radio" id={`${ids.brand}-radio`} name={ids.group} checked={value.kind === 'brand'} onChange={() => onChange({ kind: 'brand', brand })} />
            <label htmlFor={`${ids.brand}-radio`}>A brand:</label>{' '}
            <label htmlFor={ids.brand} className="visually-hidden">
              Brand
            </label>
            <select id={ids.brand} className="input input--inline" value={brand} onChange={(e) => onChange({ kind: 'brand', brand: e.target.value })} data-testid="icon-brand">
              {BRANDS.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
          </div>
          <div className="radio">
            <input
              type="radio"
              name={ids.group}
              checked={value.kind === 'image'}
              disabled={value.kind !== 'image'}
              onChange={() => undefined}
              aria-label="An image from this computer"
            />
            <label htmlFor={ids.file} className="button button--small">
              {value.kind === 'image' ? 'Another image…' : 'An image from this computer…'}
            </label>
            <input
              id={ids.file}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="visually-hidden"
              onChange={(e) => void pickImage(e.target.files?.[0])}
              data-testid="icon-file"
            />
            <span className="muted"> PNG, JPEG or WebP, at most 256 KB</span>
          </div>
        </div>
      </div>
      {error && (
        <p id={ids.error} className="field-error" role="alert" data-testid="icon-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
