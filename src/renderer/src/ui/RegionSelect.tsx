import { useId } from 'react'
import { choiceOf, REGION_LABELS, SELLER_REGIONS, type AccountKind, type SellerRegion } from '../contract'

/** Kinds where Amazon keeps separate accounts per regional site, so the region is part of the short name. */
export const KINDS_WITH_REGION: ReadonlySet<AccountKind> = new Set(['seller-central', 'associates', 'amazon-buyer'])

/** Which Amazon regional site an account is for: part of its short name ("Seller Central EU"). */
export function RegionSelect({ value, onChange }: Readonly<{ value: SellerRegion | null; onChange: (region: SellerRegion | null) => void }>) {
  const id = useId()
  return (
    <div className="form__field">
      <label htmlFor={id}>Amazon region</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : choiceOf(SELLER_REGIONS, e.target.value))} data-testid="region">
        <option value="">Not set</option>
        {SELLER_REGIONS.map((r) => (
          <option key={r} value={r}>
            {REGION_LABELS[r]}
          </option>
        ))}
      </select>
    </div>
  )
}
