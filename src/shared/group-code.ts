/**
 * Splits a code in two for reading aloud or typing: "123 456" (6 digits),
 * "123 4567" (7), "1234 5678" (8); the shorter half comes first. Steam's
 * 5-character codes, and anything shorter, are left as they are.
 */
export function groupCode(code: string): string {
  if (code.length <= 5) return code
  const half = Math.floor(code.length / 2)
  return `${code.slice(0, half)} ${code.slice(half)}`
}
