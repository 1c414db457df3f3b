import type { AccountChecklistView, ChecklistItem, ChecklistItemView, ChecklistView, PackedChecklistView, PackedItemView } from './contract'

/*
 * The checklist view as it crosses to the renderer (`PackedChecklistView`):
 * the words an item takes from its definition (title, why, where, sources)
 * sent once, each item pointing at them. Pure and lossless:
 * `unpackChecklist(packChecklist(view))` deep-equals `view`.
 */

const DEFINED_KEYS = ['id', 'section', 'title', 'why', 'where', 'region', 'evidence', 'reviewEveryDays', 'sources'] as const satisfies readonly (keyof ChecklistItem)[]
const DEFINED: ReadonlySet<string> = new Set(DEFINED_KEYS)

type PackedAccount = PackedChecklistView['accounts'][number]

export type ChecklistPacker = Readonly<{
  /** One account's part, its items pointing at the definitions gathered so far. */
  account(account: AccountChecklistView): PackedAccount
  /** The whole view, from its accounts packed by `account` (in order). */
  finish(view: ChecklistView, accounts: readonly PackedAccount[]): PackedChecklistView
}>

/** A packer for one view: accounts one by one (main packs 1,000 of them in slices), then `finish`. */
export function createChecklistPacker(): ChecklistPacker {
  const definitions: ChecklistItem[] = []
  // Definitions by item id: one id differs by kind and region, a handful at most.
  const byId = new Map<string, number[]>()

  function item(view: ChecklistItemView): PackedItemView {
    const seen = byId.get(view.id) ?? []
    let def = seen.find((i) => sameDefinition(definitions[i]!, view))
    if (def === undefined) {
      def = definitions.push(definitionOf(view)) - 1
      byId.set(view.id, [...seen, def])
    }
    const own: Record<string, unknown> = { def }
    for (const [key, value] of Object.entries(view)) if (!DEFINED.has(key)) own[key] = value
    return own as PackedItemView
  }

  return {
    account: (account) => ({ ...account, items: account.items.map(item) }),
    finish: (view, accounts) => ({ ...view, accounts: [...accounts], computer: { ...view.computer, items: view.computer.items.map(item) }, definitions }),
  }
}

export function packChecklist(view: ChecklistView): PackedChecklistView {
  const packer = createChecklistPacker()
  return packer.finish(view, view.accounts.map(packer.account))
}

/** The view as main holds it. A `def` that points at no definition is a bug in main: it throws. */
export function unpackChecklist(packed: PackedChecklistView): ChecklistView {
  const { definitions, ...view } = packed
  const unpack = ({ def, ...own }: PackedItemView): ChecklistItemView => {
    const definition = definitions[def]
    if (!definition) throw new Error(`checklist item points at definition ${def} of ${definitions.length}`)
    return { ...definition, ...own }
  }
  return {
    ...view,
    accounts: view.accounts.map((account) => ({ ...account, items: account.items.map(unpack) })),
    computer: { ...view.computer, items: view.computer.items.map(unpack) },
  }
}

function definitionOf(view: ChecklistItemView): ChecklistItem {
  const out: Record<string, unknown> = {}
  for (const key of DEFINED_KEYS) if (view[key] !== undefined) out[key] = view[key]
  return out as ChecklistItem
}

/** Every defined field the same: items made from one definition share its strings and arrays, so this is quick. */
function sameDefinition(a: ChecklistItem, b: ChecklistItemView): boolean {
  return DEFINED_KEYS.every((key) => a[key] === b[key] || (key === 'sources' && JSON.stringify(a.sources) === JSON.stringify(b.sources)))
}
