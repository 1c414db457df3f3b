import { useState } from 'react'
import { guessKind, guessRegion, type AccountKind, type SellerRegion } from '../contract'
import { KINDS_WITH_REGION } from './RegionSelect'

export type KindChoice = Readonly<{
  kind: AccountKind
  /** Null when the kind has no region, or none is set. */
  region: SellerRegion | null
  setKind: (kind: AccountKind) => void
  setRegion: (region: SellerRegion | null) => void
  /** The region picker applies to this kind. */
  hasRegion: boolean
}>

/**
 * Kind and region for the add and import forms: pre-filled from the issuer
 * and label as they are typed ("amazon.de" → Seller Central, Europe), until
 * the user picks one; then their pick stays.
 */
export function useKindGuess(issuer: string, label: string): KindChoice {
  const [kind, setKind] = useState<AccountKind | null>(null)
  const [region, setRegion] = useState<SellerRegion | null | undefined>(undefined)
  const effectiveKind = kind ?? guessKind(issuer, label)
  const hasRegion = KINDS_WITH_REGION.has(effectiveKind)
  const effectiveRegion = hasRegion ? (region === undefined ? guessRegion(issuer, label) : region) : null
  return { kind: effectiveKind, region: effectiveRegion, setKind, setRegion, hasRegion }
}
