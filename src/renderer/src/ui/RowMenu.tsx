import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'

export type RowMenuItem = Readonly<{ label: string; onSelect: () => void; testId?: string }>

/**
 * The ⋯ button of a row and its menu (the WAI-ARIA menu button pattern):
 * Enter, Space or Down opens it on the first item, Up on the last; arrows,
 * Home and End move; Escape closes it and gives focus back to the button;
 * Tab, a click elsewhere, scrolling or choosing an item closes it. The menu
 * is put in the page's body, fixed to the viewport beside the button (a
 * virtual list's rows are moved with transforms, which would both clip a
 * menu and move "fixed" with them), and opens upwards when there is no
 * room below.
 */
export function RowMenu({ label, items }: Readonly<{ label: string; items: readonly RowMenuItem[] }>) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null)
  // Fixed from the first render, so measuring it never moves the page; placed before it is painted.
  const [place, setPlace] = useState<CSSProperties>({ position: 'fixed', top: 0, right: 0 })
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const id = useId()

  const close = (refocus: boolean) => {
    setOpen(null)
    if (refocus) button.current?.focus()
  }
  const entries = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])

  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return
    const at = button.current.getBoundingClientRect()
    const height = menu.current.offsetHeight
    const below = at.bottom + 4 + height <= window.innerHeight
    setPlace({ position: 'fixed', right: Math.max(4, window.innerWidth - at.right), top: below ? at.bottom + 4 : Math.max(4, at.top - 4 - height) })
    const list = entries()
    ;(open === 'first' ? list[0] : list.at(-1))?.focus()
  }, [open])

  useEffect(() => {
    if (!open) return
    const outside = (event: Event) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) close(false)
    }
    const scrolled = () => close(false)
    document.addEventListener('pointerdown', outside)
    window.addEventListener('scroll', scrolled, true)
    window.addEventListener('resize', scrolled)
    return () => {
      document.removeEventListener('pointerdown', outside)
      window.removeEventListener('scroll', scrolled, true)
      window.removeEventListener('resize', scrolled)
    }
  }, [open])

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }
  const onMenuKey = (event: KeyboardEvent) => {
    const list = entries()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    const move = (to: number) => {
      event.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(list.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
        data-testid="row-menu"
      >
        ⋯
      </button>
      {open &&
        createPortal(
          <div ref={menu} id={id} role="menu" aria-label={label} className="row-menu" style={place} onKeyDown={onMenuKey}>
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="row-menu__item"
                data-testid={item.testId}
                onClick={() => {
                  close(true)
                  item.onSelect()
                }}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  )
}
