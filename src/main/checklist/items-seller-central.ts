import type { ChecklistItemDefinition, RegionalText } from './item'
import {
  ALL_DEVICES_HINT,
  AMAZON_BACKUP_RULE,
  US_TAX_FORMS,
  W8_EXPIRY,
  authenticatorItem,
  contactDetailsItem,
  recoveryPlanItem,
  unknownDevicesItem,
} from './items-common'
import {
  IN_REGISTRATION_GUIDE,
  SC_2SV_FAQ,
  SC_ABOUT_2SV,
  SC_BANK_ACCOUNT,
  SC_BANK_ACCOUNT_AE,
  SC_ENABLE_2SV_POST,
  SC_IDENTITY_VERIFICATION,
  SC_IN_2SV_POST,
  SC_TAX_INFORMATION,
  SC_USER_PERMISSIONS,
  SC_US_TAX_FAQ,
} from './sources'

const LOGIN_SETTINGS = 'Settings → Login Settings'
/** Amazon's current label, with the older one its help pages still use (Seller Central India's help uses the older one). */
const TWO_STEP = `${LOGIN_SETTINGS} → Two-Step Verification (2SV) Settings → Edit (older help pages: Advanced Security Settings)`
const TWO_STEP_IN = `${LOGIN_SETTINGS} → Advanced Security Settings → Edit`
const DEPOSIT_METHODS = 'Settings → Account Info → Deposit Methods'
const TAX_INFORMATION = 'Settings → Account Info → Tax Information'

/** India's Seller Central names the 2SV page by its older label. */
const TWO_STEP_BY_REGION = { in: { where: TWO_STEP_IN, sources: [SC_IN_2SV_POST] } }

const DEVICES_UNCONFIRMED = { ...SC_2SV_FAQ, unconfirmed: 'No Amazon help page SellerGuard checked names a control that makes every device ask for a code again.' }

const DEPOSIT_RULES =
  'Whenever a bank account is added or changed, Amazon starts a three-day security hold before it transfers money, and only the primary account owner can change payment information.'

/** The tax pages are where the regions differ most. */
const TAX_BY_REGION: Readonly<Record<'na' | 'eu' | 'in', RegionalText>> = {
  na: {
    why:
      'Amazon uses it to decide how your sales are reported and whether tax is withheld. ' +
      `${US_TAX_FORMS} Only the primary user of the seller account can open the tax interview. Until it is complete, Amazon may hold your payouts or limit your account.`,
    sources: [SC_US_TAX_FAQ, SC_TAX_INFORMATION],
  },
  eu: {
    where: `${TAX_INFORMATION} (the tax interview), and VAT Information on the same Account Info page if you are VAT-registered`,
    sources: [{ ...SC_TAX_INFORMATION, unconfirmed: 'The VAT Information link on Account Info is named in sellers’ guides, not on this page.' }],
  },
  in: {
    title: 'GST and PAN details are complete',
    why:
      'Amazon.in asks for your GST number (GSTIN), unless you sell only tax-exempt products such as books, and for your PAN. ' +
      'Your tax details decide what appears on your invoices; keep them matching your GST registration.',
    where: `${TAX_INFORMATION}: look for your GST and PAN details (the labels on Seller Central India may differ)`,
    sources: [IN_REGISTRATION_GUIDE],
  },
}

/** Amazon Seller Central, in every region (text per region where it differs). */
export const sellerCentralItems: readonly ChecklistItemDefinition[] = [
  authenticatorItem({ where: TWO_STEP, sources: [SC_ABOUT_2SV, SC_ENABLE_2SV_POST], byRegion: TWO_STEP_BY_REGION }),
  contactDetailsItem({ where: LOGIN_SETTINGS, sources: [SC_ENABLE_2SV_POST] }),
  {
    id: 'deposit-method',
    section: 'bank-and-tax',
    title: 'A deposit method is added and verified',
    why: `Your payouts go to this bank account. ${DEPOSIT_RULES} Knowing which account is verified for each store is how you spot a change you did not make.`,
    where: DEPOSIT_METHODS,
    sources: [SC_BANK_ACCOUNT],
    byRegion: { me: { sources: [SC_BANK_ACCOUNT_AE] } },
  },
  {
    id: 'bank-review',
    section: 'bank-and-tax',
    title: 'Bank details reviewed recently',
    why:
      'Someone who gets into a seller account often changes the deposit method first, so the next payouts go to them. ' +
      'Every few months, check that the bank and the last digits are yours for every store. ' +
      'If an email says your deposit method changed, check by opening Seller Central yourself, not through a link in the email.',
    where: DEPOSIT_METHODS,
    reviewEveryDays: 180,
    sources: [SC_BANK_ACCOUNT],
    byRegion: { me: { sources: [SC_BANK_ACCOUNT_AE] } },
  },
  {
    id: 'tax-interview',
    section: 'bank-and-tax',
    title: 'Tax interview completed',
    why:
      'Amazon uses it to decide how your sales are reported and whether tax is withheld. ' +
      `${US_TAX_FORMS} Some stores ask for local tax details as well, such as a VAT number. ` +
      'Until it is complete, Amazon may hold your payouts or limit your account.',
    where: TAX_INFORMATION,
    sources: [SC_TAX_INFORMATION, SC_US_TAX_FAQ],
    byRegion: TAX_BY_REGION,
  },
  {
    id: 'tax-recheck',
    section: 'bank-and-tax',
    title: 'Tax information re-checked when details change',
    why: `Your tax information has to match your legal name, address, business type and tax ID: when any of these change, update it. ${W8_EXPIRY}`,
    where: TAX_INFORMATION,
    reviewEveryDays: 365,
    sources: [SC_TAX_INFORMATION, SC_US_TAX_FAQ],
    byRegion: {
      eu: { where: TAX_BY_REGION.eu.where, sources: TAX_BY_REGION.eu.sources },
      in: {
        why: 'Your GST and PAN details have to match your registration: when your business name, address or GST registration changes, update them.',
        where: TAX_BY_REGION.in.where,
        sources: TAX_BY_REGION.in.sources,
      },
    },
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
    sources: [SC_USER_PERMISSIONS],
  },
  unknownDevicesItem({
    where: `${TWO_STEP}: ${ALL_DEVICES_HINT}`,
    sources: [DEVICES_UNCONFIRMED],
    byRegion: { in: { where: `${TWO_STEP_IN}: ${ALL_DEVICES_HINT}`, sources: [DEVICES_UNCONFIRMED, SC_IN_2SV_POST] } },
  }),
  {
    id: 'identity-documents',
    section: 'recovery',
    title: 'Identity verification documents are current',
    why:
      'Amazon can ask you to verify your identity again, and will when you need help getting back into your account. ' +
      'If the ID or proof of address it has on file has expired or no longer matches your account, payouts may be held until it is sorted out. ' +
      'Keep current copies ready, and update your business information when it changes.',
    where:
      'Amazon asks through a notification in Seller Central: follow it from there (while a re-verification is open, Settings → Account Info may show “Begin Re-Verification”). Keep Settings → Account Info → Business Information up to date.',
    reviewEveryDays: 365,
    sources: [SC_IDENTITY_VERIFICATION, SC_TAX_INFORMATION],
  },
  recoveryPlanItem({ where: TWO_STEP, sources: [SC_ABOUT_2SV], byRegion: TWO_STEP_BY_REGION }, AMAZON_BACKUP_RULE),
]
