// The scoreboard's rows as data: what each design scores (from the engine's counters and metrics)
// and which direction is better, plus the rule that marks the best column of a row. Pure, so the
// "best" logic is unit-tested apart from the table that shows it.

import { imbalance, latency } from '../../lab-ui/engine.ts'
import type { SimState } from '../../sim/types.ts'

export type Cell = number | 'yes' | 'no'

export interface ScoreRow {
  readonly id: string
  readonly label: string
  /** A short explanation for the row header (also read by screen readers). */
  readonly hint: string
  readonly unit?: string
  /** Lower numbers win, or "yes" beats "no". */
  readonly better: 'lower' | 'yes'
  value(s: SimState): Cell
}

export const SCORE_ROWS: readonly ScoreRow[] = [
  { id: 'logouts', label: 'Unexpected logouts', hint: 'a login page while the user believed they were logged in', better: 'lower', value: (s) => s.counters.unexpectedLogouts },
  { id: 'carts', label: 'Carts lost', hint: 'an empty cart the user had filled', better: 'lower', value: (s) => s.counters.cartsLost },
  { id: 'sessions', label: 'Sessions lost', hint: 'sessions destroyed by crashes, kills and outages', better: 'lower', value: (s) => s.counters.sessionsLost },
  { id: 'failed', label: 'Failed requests', hint: 'errors and lost responses the user saw', better: 'lower', value: (s) => s.counters.failed },
  { id: 'retries', label: 'Retries', hint: 'requests the browser sent again after a failure', better: 'lower', value: (s) => s.counters.retried },
  { id: 'duplicates', label: 'Duplicate orders', hint: 'a retried checkout that charged twice', better: 'lower', value: (s) => s.counters.duplicateOrders },
  // Rounded as shown, so "best" never marks a difference the reader can't see.
  { id: 'imbalance', label: 'Imbalance (max ÷ mean)', hint: 'busiest server’s load over the average, last 10 s; 1 is even', better: 'lower', value: (s) => Math.round(imbalance(s) * 100) / 100 },
  { id: 'p50', label: 'p50 latency', hint: 'half of all requests were faster', unit: 'ms', better: 'lower', value: (s) => Math.round(latency(s).p50) },
  { id: 'p95', label: 'p95 latency', hint: '95 % of all requests were faster', unit: 'ms', better: 'lower', value: (s) => Math.round(latency(s).p95) },
  { id: 'revocation', label: 'Revocation possible', hint: 'can a stolen login be cut off? Server-side sessions: delete it; JWT: only with a deny list', better: 'yes', value: revocable },
]

/** JWTs stay valid until they expire unless every request checks a deny list. */
export function revocable(s: SimState): Cell {
  return s.config.storage === 'jwt' && !s.config.jwt.denyList ? 'no' : 'yes'
}

/**
 * Which columns hold the row's best value. Ties share it; when every column scores the same there is
 * no best (nothing to learn from a tie), so nothing is marked.
 */
export function bestColumns(cells: readonly Cell[], better: ScoreRow['better']): boolean[] {
  const score = (c: Cell) => (better === 'yes' ? (c === 'yes' ? 1 : c === 'no' ? 0 : null) : typeof c === 'number' && Number.isFinite(c) ? -c : null)
  const scores = cells.map(score)
  const known = scores.filter((x): x is number => x !== null)
  if (known.length < 2) return cells.map(() => false)
  const top = Math.max(...known)
  if (known.every((x) => x === top)) return cells.map(() => false)
  return scores.map((x) => x === top)
}

export function formatCell(c: Cell, unit?: string): string {
  if (typeof c !== 'number') return c
  return unit ? `${c} ${unit}` : String(c)
}
