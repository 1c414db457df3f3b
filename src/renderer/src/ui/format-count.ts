/** A count as the app writes it: 2,705, not 2705 (the UI is English). */
export const formatCount = (n: number) => n.toLocaleString('en-US')
