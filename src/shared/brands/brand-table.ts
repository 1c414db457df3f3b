/**
 * The brands SellerGuard recognises, with the icon it ships for each.
 *
 * Icons come from simple-icons (CC0, see `scripts/brand-icons.mjs`). A few
 * brands have no icon there: simple-icons removed Amazon and AWS in v15
 * (2025) and Microsoft in 2024 for want of the brands' permission, and has
 * none for Walmart or Mercado Libre. Those get a monogram in the brand's
 * colour instead of a logo we have no right to ship; for Amazon that is
 * the more useful badge anyway, since it names the property ("SC", "KDP").
 */
export type Brand = Readonly<{
  /** Stable: stored as an account's icon choice, so never renamed. */
  id: string
  /** As the brand writes it. */
  title: string
  /** The simple-icons slug, or null for a monogram (see above). */
  icon: string | null
  /** The brand colour, `#RRGGBB`: the badge is filled with it. */
  colour: string
  /** One or two letters for a monogram badge. */
  monogram: string
  /**
   * Names as people and sites write them. Matched case-, accent- and
   * punctuation-insensitively, whole or as the first words of an issuer
   * ("Amazon Seller Central" starts with "Amazon"). A name that starts
   * with `=` matches only the whole issuer: "X" must not claim "X-ray Labs"
   * nor "Square" claim "Square Enix".
   */
  names: readonly string[]
  /**
   * Host names without their public suffix, most specific first within the
   * table: "aws.amazon" matches signin.aws.amazon.com before "amazon" does.
   */
  domains: readonly string[]
}>

type Row = readonly [id: string, title: string, icon: string | null, colour: string, names: readonly string[], domains: readonly string[], monogram?: string]

const ROWS: readonly Row[] = [
  // Amazon and its seller properties (monograms: see the note at the top).
  ['amazon', 'Amazon', null, '#FF9900', ['Amazon', 'Amazon Seller Central', 'Seller Central', 'Sellercentral', 'Amazon Seller', 'KDP', 'Kindle Direct Publishing', 'Amazon KDP', 'Amazon Associates', 'Amazon Affiliate', 'Amazon Partnernet', 'Amazon Vendor Central', 'Vendor Central', 'Amazon Business'], ['amazon', 'sellercentral-europe.amazon', 'kdp.amazon', 'affiliate-program.amazon', 'amazon-adsystem'], 'a'],
  ['aws', 'AWS', null, '#232F3E', ['AWS', 'Amazon Web Services', 'AWS Console', 'Amazon AWS', 'AWS Builder ID'], ['aws.amazon', 'amazonaws', 'awsapps'], 'AWS'],
  ['ebay', 'eBay', 'ebay', '#E53238', ['eBay', 'eBay Seller Hub'], ['ebay']],
  ['etsy', 'Etsy', 'etsy', '#F16521', ['Etsy'], ['etsy']],
  ['shopify', 'Shopify', 'shopify', '#7AB55C', ['Shopify'], ['shopify', 'myshopify']],
  ['walmart', 'Walmart', null, '#0071CE', ['Walmart', 'Walmart Seller Center', 'Walmart Marketplace'], ['walmart'], 'W'],
  ['paypal', 'PayPal', 'paypal', '#002991', ['PayPal'], ['paypal']],
  ['stripe', 'Stripe', 'stripe', '#635BFF', ['Stripe'], ['stripe']],
  ['google', 'Google', 'google', '#4285F4', ['Google', 'Google Account', 'Google Workspace', 'G Suite'], ['google', 'accounts.google', 'gmail']],
  ['microsoft', 'Microsoft', null, '#5E5E5E', ['Microsoft', 'Microsoft Account', 'Microsoft 365', 'Office 365', 'Outlook', 'Azure', 'Azure AD', 'Entra ID', 'Xbox'], ['microsoft', 'microsoftonline', 'live', 'outlook', 'azure', 'office'], 'MS'],
  ['apple', 'Apple', 'apple', '#000000', ['Apple', 'Apple ID', 'Apple Account', 'iCloud'], ['apple', 'icloud', 'appleid.apple']],
  ['meta', 'Meta', 'meta', '#0467DF', ['Meta', 'Meta Business', 'Meta Business Suite', 'Meta for Business'], ['meta', 'business.facebook']],
  ['facebook', 'Facebook', 'facebook', '#0866FF', ['Facebook', '=FB'], ['facebook', 'fb']],
  ['instagram', 'Instagram', 'instagram', '#FF0069', ['Instagram', '=IG'], ['instagram']],
  ['tiktok', 'TikTok', 'tiktok', '#000000', ['TikTok', 'TikTok Shop', 'TikTok Seller Center'], ['tiktok', 'seller-us.tiktok', 'tiktokshop']],
  ['x', 'X', 'x', '#000000', ['=X', 'Twitter', 'X Twitter', 'X Corp'], ['x', 'twitter']],
  ['github', 'GitHub', 'github', '#181717', ['GitHub'], ['github']],
  ['cloudflare', 'Cloudflare', 'cloudflare', '#F38020', ['Cloudflare'], ['cloudflare', 'dash.cloudflare']],
  ['dropbox', 'Dropbox', 'dropbox', '#0061FF', ['Dropbox'], ['dropbox']],
  ['wise', 'Wise', 'wise', '#9FE870', ['=Wise', 'TransferWise', 'Wise Business'], ['wise', 'transferwise']],
  ['payoneer', 'Payoneer', 'payoneer', '#FF4800', ['Payoneer'], ['payoneer']],
  ['quickbooks', 'QuickBooks', 'quickbooks', '#2CA01C', ['QuickBooks', 'Intuit QuickBooks', 'QuickBooks Online', '=QBO'], ['quickbooks.intuit', 'quickbooks']],
  ['intuit', 'Intuit', 'intuit', '#236CFF', ['Intuit', 'TurboTax'], ['intuit', 'turbotax']],
  ['xero', 'Xero', 'xero', '#13B5EA', ['Xero'], ['xero']],
  ['alibaba', 'Alibaba.com', 'alibabadotcom', '#FF6A00', ['Alibaba', 'Alibaba.com', '=1688'], ['alibaba', '1688']],
  ['aliexpress', 'AliExpress', 'aliexpress', '#FF4747', ['AliExpress'], ['aliexpress']],
  ['mercadolibre', 'Mercado Libre', null, '#FFE600', ['Mercado Libre', 'Mercado Livre', 'MercadoLibre', 'MercadoLivre'], ['mercadolibre', 'mercadolivre'], 'ML'],
  ['rakuten', 'Rakuten', 'rakuten', '#BF0000', ['Rakuten', 'Rakuten Ichiba'], ['rakuten']],
  ['zalando', 'Zalando', 'zalando', '#FF6900', ['Zalando', 'Zalando Partner', 'zDirect'], ['zalando']],
  ['steam', 'Steam', 'steam', '#000000', ['Steam', 'Steam Guard', 'Valve'], ['steampowered', 'steamcommunity']],
  // Other places a seller keeps an account.
  ['woocommerce', 'WooCommerce', 'woocommerce', '#96588A', ['WooCommerce'], ['woocommerce']],
  ['wordpress', 'WordPress', 'wordpress', '#21759B', ['WordPress', 'WordPress.com'], ['wordpress']],
  ['bigcommerce', 'BigCommerce', 'bigcommerce', '#121118', ['BigCommerce'], ['bigcommerce']],
  ['squarespace', 'Squarespace', 'squarespace', '#000000', ['Squarespace'], ['squarespace']],
  ['square', 'Square', 'square', '#3E4348', ['=Square', 'Square Up', 'Square Dashboard'], ['squareup']],
  ['wix', 'Wix', 'wix', '#0C6EFC', ['Wix'], ['wix']],
  ['klarna', 'Klarna', 'klarna', '#FFB3C7', ['Klarna'], ['klarna']],
  ['revolut', 'Revolut', 'revolut', '#191C1F', ['Revolut', 'Revolut Business'], ['revolut']],
  ['coinbase', 'Coinbase', 'coinbase', '#0052FF', ['Coinbase'], ['coinbase']],
  ['binance', 'Binance', 'binance', '#F0B90B', ['Binance'], ['binance']],
  ['allegro', 'Allegro', 'allegro', '#FF5A00', ['Allegro'], ['allegro']],
  ['otto', 'Otto', 'otto', '#D4021D', ['=Otto', 'OTTO Market'], ['otto']],
  ['shopee', 'Shopee', 'shopee', '#EE4D2D', ['Shopee'], ['shopee']],
  ['vinted', 'Vinted', 'vinted', '#007782', ['Vinted'], ['vinted']],
  ['target', 'Target', 'target', '#CC0000', ['=Target', 'Target Plus'], ['target']],
  ['fiverr', 'Fiverr', 'fiverr', '#1DBF73', ['Fiverr'], ['fiverr']],
  ['upwork', 'Upwork', 'upwork', '#6FDA44', ['Upwork'], ['upwork']],
  ['zoho', 'Zoho', 'zoho', '#E42527', ['Zoho', 'Zoho Books', 'Zoho Mail'], ['zoho']],
  ['hubspot', 'HubSpot', 'hubspot', '#FF7A59', ['HubSpot'], ['hubspot']],
  ['atlassian', 'Atlassian', 'atlassian', '#0052CC', ['Atlassian', 'Jira', 'Confluence'], ['atlassian']],
  ['gitlab', 'GitLab', 'gitlab', '#FC6D26', ['GitLab'], ['gitlab']],
  ['digitalocean', 'DigitalOcean', 'digitalocean', '#0080FF', ['DigitalOcean'], ['digitalocean']],
  ['namecheap', 'Namecheap', 'namecheap', '#DE3723', ['Namecheap'], ['namecheap']],
  ['godaddy', 'GoDaddy', 'godaddy', '#1BDBDB', ['GoDaddy'], ['godaddy']],
  ['npm', 'npm', 'npm', '#CB3837', ['npm', 'npmjs'], ['npmjs']],
  ['docker', 'Docker', 'docker', '#2496ED', ['Docker', 'Docker Hub'], ['docker']],
  ['okta', 'Okta', 'okta', '#007DC1', ['Okta'], ['okta']],
  ['bitwarden', 'Bitwarden', 'bitwarden', '#175DDC', ['Bitwarden'], ['bitwarden']],
  ['proton', 'Proton', 'proton', '#6D4AFF', ['Proton', 'Proton Mail', 'ProtonMail', 'Proton Pass', 'Proton VPN'], ['proton', 'protonmail']],
  ['discord', 'Discord', 'discord', '#5865F2', ['Discord'], ['discord']],
  ['reddit', 'Reddit', 'reddit', '#FF4500', ['Reddit'], ['reddit']],
  ['pinterest', 'Pinterest', 'pinterest', '#BD081C', ['Pinterest', 'Pinterest Business'], ['pinterest']],
  ['youtube', 'YouTube', 'youtube', '#FF0000', ['YouTube'], ['youtube']],
  ['twitch', 'Twitch', 'twitch', '#9146FF', ['Twitch'], ['twitch']],
]

/** Every brand, in the order the icon picker lists them (Amazon first). */
export const BRANDS: readonly Brand[] = ROWS.map(([id, title, icon, colour, names, domains, monogram]) => ({
  id,
  title,
  icon,
  colour,
  monogram: monogram ?? title.slice(0, 1).toUpperCase(),
  names,
  domains,
}))

const BY_ID = new Map(BRANDS.map((b) => [b.id, b]))

/** The brand with this id; null for an unknown id (e.g. one a newer SellerGuard stored). */
export function brandById(id: string): Brand | null {
  return BY_ID.get(id) ?? null
}
