import { useStore } from '../../store'

export function ClockScreen() {
  const clock = useStore((s) => s.clock)
  return (
    <section className="screen" aria-labelledby="clock-title">
      <header className="screen__header">
        <h1 id="clock-title">Clock</h1>
      </header>
      <p>{clock?.checkedAt ? `Last checked ${new Date(clock.checkedAt).toLocaleString()}` : 'The clock has not been checked yet.'}</p>
    </section>
  )
}
