/**
 * A minimal logger. Callers never pass secrets; the vault logs ids only.
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export function createConsoleLogger(prefix = 'sellerguard'): Logger {
  const line = (level: string, message: string) => `${new Date().toISOString()} ${prefix} ${level} ${message}`
  return {
    info: (message, ...details) => console.log(line('info', message), ...details),
    warn: (message, ...details) => console.warn(line('warn', message), ...details),
    error: (message, ...details) => console.error(line('error', message), ...details),
  }
}

/** For tests: keeps every line so a test can assert on what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const push = (level: string) => (message: string, ...details: unknown[]) =>
    void lines.push(`${level} ${message} ${details.map((d) => (d instanceof Error ? d.stack : JSON.stringify(d))).join(' ')}`)
  return { lines, info: push('info'), warn: push('warn'), error: push('error') }
}
