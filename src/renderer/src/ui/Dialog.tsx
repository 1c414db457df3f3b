import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape
 * and restores focus to what opened it.
 */
export function Dialog({ title, onClose, children, testId }: Readonly<{ title: string; onClose: () => void; children: ReactNode; testId?: string }>) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose} data-testid={testId}>
      <header className="dialog__header">
        <h2 id="dialog-title">{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      {children}
    </dialog>
  )
}
