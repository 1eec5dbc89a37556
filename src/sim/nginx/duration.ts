// nginx time values in seconds ("10", "10s", "1m30s", "2h") as the `fail_timeout=` parameter accepts them.

const UNIT_SECONDS: Record<string, number> = {
  y: 365 * 86400,
  M: 30 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1,
}
const UNIT_ORDER = 'yMwdhms'

/**
 * Seconds for an nginx time string, or null if nginx would reject it. Units must go from largest to
 * smallest, a bare trailing number means seconds, and "ms" is refused: `fail_timeout` is parsed with
 * whole-second resolution (nginx 1.22.1 `nginx -t`: invalid parameter "fail_timeout=500ms").
 */
export function parseNginxSeconds(text: string): number | null {
  if (!/^(\d+[yMwdhms]?)+$/.test(text) || text.includes('ms')) return null
  let total = 0
  let lastUnit = -1
  const parts = text.match(/\d+[yMwdhms]?/g) ?? []
  for (const [i, part] of parts.entries()) {
    const unit = /[yMwdhms]$/.test(part) ? part.slice(-1) : ''
    if (unit === '' && i !== parts.length - 1) return null
    const rank = unit === '' ? UNIT_ORDER.length : UNIT_ORDER.indexOf(unit)
    if (rank <= lastUnit) return null
    lastUnit = rank
    total += Number(unit === '' ? part : part.slice(0, -1)) * (UNIT_SECONDS[unit] ?? 1)
  }
  return Number.isSafeInteger(total) ? total : null
}
