import type { ChecklistItemDefinition } from './item'
import {
  AMAZON_NEVER_ASKS,
  US_TAX_FORMS,
  W8_EXPIRY,
  authenticatorItem,
  clockItem,
  contactDetailsItem,
  neverShareItem,
  recentBackupItem,
  recoveryPlanItem,
  unknownDevicesItem,
} from './items-common'

const LOGIN_SETTINGS = 'Settings → Login Settings'
const TWO_STEP = `${LOGIN_SETTINGS} → Two-Step Verification (2SV) Settings`
const DEPOSIT_METHODS = 'Settings → Account Info → Deposit Methods'
const TAX_INFORMATION = 'Settings → Account Info → Tax Information'

/** The tax pages are where the regions differ most. */
const TAX_WHERE_BY_REGION = {
  na: `${TAX_INFORMATION} → Tax Interview`,
  eu: `${TAX_INFORMATION} (the tax interview), and VAT Information on the same Account Info page if you are VAT-registered`,
  fe: `${TAX_INFORMATION} (on Seller Central Japan, switch the page language to English to see these names)`,
} as const

/** Amazon Seller Central, in every region (paths per region where they differ). */
export const sellerCentralItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem(`${TWO_STEP} → Edit`),
  contactDetailsItem(LOGIN_SETTINGS),
  neverShareItem(AMAZON_NEVER_ASKS, 'the Seller Central site you meant to open'),
  clockItem,
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'A deposit method is added and verified',
    why: 'Your payouts go to this bank account. Knowing which account is verified for each marketplace is how you spot a change you did not make.',
    where: DEPOSIT_METHODS,
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Bank details reviewed recently',
    why:
      'Someone who gets into a seller account often changes the deposit method first, so the next payouts go to them. ' +
      'Every few months, check that the bank and the last digits are yours for every marketplace. ' +
      'If an email says your deposit method changed, check by opening Seller Central yourself, not through a link in the email.',
    where: DEPOSIT_METHODS,
    reviewEveryDays: 180,
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax interview completed',
    why:
      'Amazon uses it to decide how your sales are reported and whether tax is withheld. ' +
      `${US_TAX_FORMS} Some marketplaces ask for local tax details as well, such as a VAT number. ` +
      'Until it is complete, Amazon may hold your payouts or limit your account.',
    where: TAX_INFORMATION,
    whereByRegion: TAX_WHERE_BY_REGION,
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax information re-checked when details change',
    why: `Your tax information has to match your legal name, address, business type and tax ID: when any of these change, retake the tax interview. ${W8_EXPIRY}`,
    where: TAX_INFORMATION,
    whereByRegion: TAX_WHERE_BY_REGION,
    reviewEveryDays: 365,
  },
  {
    id: 'own-logins',
    section: 'people-and-devices',
    title: 'Helpers have their own logins',
    why:
      'Invite employees, partners and agencies through User Permissions: each signs in with their own email, password and two-step verification, sees only what you allow, and can be removed in one step. ' +
      'Sharing your own login means sharing your codes too, and you can no longer tell who changed what. Every few months, remove anyone who no longer needs access.',
    where: 'Settings → User Permissions',
    reviewEveryDays: 180,
  },
  unknownDevicesItem(TWO_STEP),
  {
    id: 'identity-documents',
    section: 'recovery',
    title: 'Identity verification documents are current',
    why:
      'Amazon can ask you to verify your identity again, and will when you need help getting back into your account. ' +
      'If the ID or proof of address it has on file has expired or no longer matches your account, payouts may be held until it is sorted out. ' +
      'Keep current copies ready, and update your business information when it changes.',
    where: 'Settings → Account Info → Business Information',
    reviewEveryDays: 365,
  },
  recoveryPlanItem(TWO_STEP),
  recentBackupItem,
]
