import { clockFixSteps, timeZoneFixSteps, type AppInfo } from '../../contract'

/** How to set the clock (or, for a time-zone mistake, the zone) right on this OS, in the words of its own settings. */
export function FixSteps({ platform, timeZone = false }: Readonly<{ platform: AppInfo['platform'] | undefined; timeZone?: boolean }>) {
  const fix = timeZone ? timeZoneFixSteps(platform) : clockFixSteps(platform)
  return (
    <div className="fix-steps" data-testid={timeZone ? 'timezone-fix' : 'clock-fix'}>
      <p>
        {timeZone ? 'To set the time zone on ' : 'To fix the clock on '}
        {fix.os}:
      </p>
      <ol>
        {fix.steps.map((step) => (
          <li key={step.text}>
            {step.text}
            {step.code && (
              <>
                {' '}
                <code>{step.code}</code>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
