/** Shows the pasted text around a problem with the offending character marked (secrets are shown only to the user who typed them). */
export function ProblemMarker({ text, position }: Readonly<{ text: string; position: number }>) {
  const from = Math.max(0, position - 12)
  const to = Math.min(text.length, position + 13)
  const bad = text.slice(position, position + 1)
  return (
    <code className="problem-marker" aria-hidden="true">
      {from > 0 && '…'}
      {text.slice(from, position)}
      <mark>{bad === '' ? '␣' : bad}</mark>
      {text.slice(position + 1, to)}
      {to < text.length && '…'}
    </code>
  )
}
