// SCORM 1.2 time spans (CMITimespan, "HHHH:MM:SS.SS": 2–4 digits of hours, seconds with up to two
// decimals) for cmi.core.session_time. See docs/SCORM.md.

const MAX_MS = (9999 * 3600 + 59 * 60 + 59.99) * 1000

export function cmiTimespan(ms: number): string {
  const total = Math.min(MAX_MS, Math.max(0, Number.isFinite(ms) ? ms : 0))
  const centis = Math.round(total / 10)
  const h = Math.floor(centis / 360_000)
  const m = Math.floor((centis % 360_000) / 6_000)
  const s = (centis % 6_000) / 100
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  return `${pad(h, 4)}:${pad(m, 2)}:${s.toFixed(2).padStart(5, '0')}`
}
