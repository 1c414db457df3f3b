import { useEffect, useRef, type ReactNode } from 'react'

/**
 * A modal on the native <dialog>: the browser traps focus and restores focus
 * to what opened it. Escape asks `onClose`, as the ✕ does, and the owner
 * decides: the dialog closes when the owner stops rendering it (a running
 * import, say, stops the import instead), never behind the owner's back.
 */
export function Dialog({ title, onClose, children, testId }: Readonly<{ title: string; onClose: () => void; children: ReactNode; testId?: string }>) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={(event) => {
        event.preventDefault()
        onClose()
      }} data-testid={testId}>
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
