export function ChecklistScreen() {
  return (
    <section className="screen" aria-labelledby="checklist-title">
      <header className="screen__header">
        <h1 id="checklist-title">Security checklist</h1>
      </header>
      <div className="empty">
        <p>Add an account to see what to secure for it.</p>
      </div>
    </section>
  )
}
