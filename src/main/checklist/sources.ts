import type { ItemSource } from '../../shared/contract'

/**
 * The pages each item's paths and claims were checked against, with the day
 * they were read. When Amazon renames a menu, re-read the page, fix the item
 * and move `checkedOn`. Where a page does not confirm a path or a control,
 * `unconfirmed` says so, and the item says what to look for instead of
 * naming something that may not exist.
 */

const CHECKED_ON = '2026-12-01'

const sellerCentralHelp = (pageId: string, title: string, extra: Partial<ItemSource> = {}): ItemSource => ({
  publisher: 'amazon',
  title,
  pageId,
  url: `https://sellercentral.amazon.com/gp/help/external/${pageId}`,
  checkedOn: CHECKED_ON,
  ...extra,
})

const help = (url: string, title: string, pageId?: string, extra: Partial<ItemSource> = {}): ItemSource => ({
  publisher: 'amazon',
  title,
  ...(pageId ? { pageId } : {}),
  url,
  checkedOn: CHECKED_ON,
  ...extra,
})

/** Seller Central: "About Two-Step Verification": an authenticator app needs a phone as primary or backup method. */
export const SC_ABOUT_2SV = sellerCentralHelp('202110760', 'About Two-Step Verification')
/** Seller Central: "Two-Step Verification FAQ" (the older "Advanced Security Settings" name, remembered browsers). */
export const SC_2SV_FAQ = sellerCentralHelp('202153510', 'Two-Step Verification FAQ')
/** Amazon's own seller-forum post with the newer labels: Settings → Login Settings → "Two-Step Verification (2SV) Settings". */
export const SC_ENABLE_2SV_POST = help(
  'https://sellercentral.amazon.co.uk/seller-forums/discussions/t/68a92736-98b5-4d49-ba23-3c293b33eea1',
  'Enabling Two-Factor Authentication to Secure Your Account (Amazon’s post in the Seller Forums)',
)
/** Seller Central India's own post: Settings → Login Settings → Advanced Security Settings. */
export const SC_IN_2SV_POST = help(
  'https://sellercentral.amazon.in/seller-forums/discussions/t/c65b9673-b9b2-4d42-a069-dc9bfbd48413',
  'Quick Tip: Authenticator App for Two Step Verification (Amazon’s post in the Seller Forums, India)',
)
/** "Bank account information": the three-day security hold, and only the primary account owner may change it. */
export const SC_BANK_ACCOUNT = sellerCentralHelp('851', 'Bank account information')
export const SC_BANK_ACCOUNT_AE = help('https://sellercentral.amazon.ae/gp/help/external/851', 'Bank account information (United Arab Emirates)', '851')
/** "U.S. Tax Interview FAQ": the interview can only be opened by the primary user. */
export const SC_US_TAX_FAQ = sellerCentralHelp('GVYFQEJQAF2TSYEH', 'U.S. Tax Interview FAQ')
/** "Tax information in your Amazon Seller Central account": Settings → Account Info → Tax information, and Business information. */
export const SC_TAX_INFORMATION = sellerCentralHelp('7TACCXU2V9KFTNG', 'Tax information in your Amazon Seller Central account')
export const SC_USER_PERMISSIONS = help('https://sellercentral.amazon.ca/gp/help/external/901', 'Set and edit user permissions', '901')
export const SC_IDENTITY_VERIFICATION = sellerCentralHelp('GQRP483PDN88Q3M9', 'Seller identity verification', {
  unconfirmed: 'The “Begin Re-Verification” button under Account Info is named in sellers’ guides, not on this page.',
})
/** "North America and Brazil Unified Account": one account for amazon.com, .ca, .com.mx and .com.br. */
export const SC_NA_BR_UNIFIED = help(
  'https://sellercentral.amazon.com.br/gp/help/external/201394090',
  'Amazon North American stores (North America and Brazil Unified Account)',
  '201394090',
)
export const IN_REGISTRATION_GUIDE = help('https://sell.amazon.in/ta/sell-online/help/registration-guide', 'How to register as a seller on Amazon.in (GST and PAN)', undefined, {
  unconfirmed: 'The guide covers registration; the menu that shows GST and PAN details later is not named there.',
})

/** Amazon's customer help: "What is Two-Step Verification?" (KDP and Associates sign in with an Amazon account). */
export const AMAZON_2SV = help('https://www.amazon.com/gp/help/customer/display.html?nodeId=G3PWZPU52FKN7PW4', 'What is Two-Step Verification?', 'G3PWZPU52FKN7PW4')
export const AMAZON_2SV_RECOVERY = help(
  'https://www.amazon.com/gp/help/customer/display.html?nodeId=202073840',
  'Recover Your Account after Two-Step Verification Fails',
  '202073840',
)
/** Amazon's scam help, which says it never asks for a sign-in one-time password over the phone. */
export const AMAZON_SCAMS = help('https://www.amazon.co.uk/gp/help/customer/display.html?nodeId=G4YFYCCNUSENA23B', 'Identifying a scam', 'G4YFYCCNUSENA23B')
/** Amazon UK's message, published by a police alert service: "Amazon will never ask you to share your password, account sign-in One-Time Password (OTP) … over the phone." */
export const AMAZON_UK_MESSAGE = help('https://lincolnshirealert.co.uk/Alerts/A/218766/A-Message-From-Amazon---Impersonation-Scam', 'A Message From Amazon – Impersonation Scam', undefined, {
  publisher: 'other',
})
/** Amazon's delivery codes, which a driver does ask for at the door. */
export const AMAZON_DELIVERY_OTP = help(
  'https://www.amazon.com/gp/help/customer/display.html?nodeId=GXHYX22CS752PLE3',
  'Secure Delivery with a One-Time Password',
  'GXHYX22CS752PLE3',
)

export const KDP_TAX_STATUS = help('https://kdp.amazon.com/help/topic/A1XK5UN6BLNHGV', 'What is my tax information status?', 'A1XK5UN6BLNHGV')
export const KDP_TAX_PROFILE = help('https://kdp.amazon.com/en_US/help/topic/G201274750', 'Complete Tax Profile', 'G201274750')
export const KDP_BANK = help('https://kdp.amazon.com/en_US/help/topic/GES6F683682EQW7L', 'I set up my bank account, but I haven’t received any payments', 'GES6F683682EQW7L')
export const KDP_ADD_BANK = help('https://kdp.amazon.com/help/topic/GUFL3496V6U2ESA7', 'How to add (or edit) my bank account?', 'GUFL3496V6U2ESA7')

export const ASSOCIATES_ACCOUNT = help('https://affiliate-program.amazon.com/help/node/GVT5B7CVZRDS5UWV', 'About your account (Changing Payment Type, Managing Account Users)', 'GVT5B7CVZRDS5UWV', {
  unconfirmed: 'The “Payment and Tax Information → Change Payment Method” labels come from current sellers’ guides; the help page names the topic “Changing Payment Type”.',
})
export const ASSOCIATES_PAYMENT_CHANGE = help(
  'https://affiliate-program.amazon.com/help/node/topic/GCSKAD7M2AGQXWJY',
  'When Do Changes to Payment Preferences Take Effect?',
  'GCSKAD7M2AGQXWJY',
)
export const ASSOCIATES_TAX = help('https://affiliate-program.amazon.com/help/node/topic/GMVSBL86R9337EB6', 'Why do I have to take the online tax interview?', 'GMVSBL86R9337EB6')

/** The IRS on W-8 validity (through the end of the third calendar year after signing). */
export const IRS_W8BEN = help('https://www.irs.gov/instructions/iw8ben', 'Instructions for Form W-8BEN', undefined, { publisher: 'other' })
/** RFC 6238 section 5.2: codes depend on the clock; verifiers allow a small drift. */
export const RFC_6238 = help('https://www.rfc-editor.org/rfc/rfc6238#section-5.2', 'RFC 6238 (TOTP), section 5.2: validation and time-step size', undefined, { publisher: 'other' })

/**
 * For items about SellerGuard itself (its backups) and general advice for
 * other sites: no outside page to cite, and the item says so.
 */
export const SELLERGUARD_OWN: ItemSource = {
  publisher: 'sellerguard',
  title: 'SellerGuard’s own advice, not from a site’s help pages',
  checkedOn: CHECKED_ON,
}
