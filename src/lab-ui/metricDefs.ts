// The lab's headline figures, defined once: label, test id, whether a rise is bad, and how to read it
// from a state. Each scenario names the figure that makes its point (carts lost, imbalance, p95…);
// the metrics strip under the stage shows unexpected logouts plus those, and the full panel the rest.

import { imbalance, recentP95 } from '../sim/metrics.ts'
import type { ScenarioId } from '../sim/scenarios/index.ts'
import type { SimState } from '../sim/types.ts'
import { METRIC_TERMS } from './jargon/terms.ts'

export type MetricId = 'logouts' | 'carts' | 'sessions' | 'failed' | 'imbalance' | 'p95' | 'remaps' | 'duplicates' | 'burst' | 'revoked'

export interface MetricDef {
  label: string
  /** A shorter label for the strip on narrow screens. */
  short: string
  testId: string
  /** A rise is bad news (shown in the warning colour, flashes). */
  bad: boolean
  unit?: string
  /** Its glossary entry (the "?" beside it), when it has one. */
  term?: string
  /** The counter it reads, when "N since the switch" makes sense after a mid-run design change. */
  counter?: 'unexpectedLogouts' | 'cartsLost' | 'sessionsLost' | 'failed'
  read(sim: SimState): number
}

export const METRICS: Record<MetricId, MetricDef> = {
  logouts: { label: 'Unexpected logouts', short: 'Logouts', testId: 'm-logouts', bad: true, term: METRIC_TERMS.logouts, counter: 'unexpectedLogouts', read: (s) => s.counters.unexpectedLogouts },
  carts: { label: 'Carts lost', short: 'Carts lost', testId: 'm-carts', bad: true, term: METRIC_TERMS.carts, counter: 'cartsLost', read: (s) => s.counters.cartsLost },
  sessions: { label: 'Sessions lost', short: 'Sessions lost', testId: 'm-sessions', bad: true, term: METRIC_TERMS.sessions, counter: 'sessionsLost', read: (s) => s.counters.sessionsLost },
  failed: { label: 'Failed requests', short: 'Failed', testId: 'm-failed', bad: true, term: METRIC_TERMS.failed, counter: 'failed', read: (s) => s.counters.failed },
  imbalance: { label: 'Imbalance (max ÷ mean)', short: 'Imbalance', testId: 'm-imbalance', bad: false, term: METRIC_TERMS.imbalance, read: (s) => Number(imbalance(s).toFixed(2)) },
  p95: { label: 'p95 latency', short: 'p95', testId: 'm-p95', bad: false, unit: 'ms', term: METRIC_TERMS.p95, read: (s) => recentP95(s) },
  remaps: { label: 'Affinity remaps', short: 'Remaps', testId: 'm-remaps', bad: true, read: (s) => s.counters.affinityRemaps },
  duplicates: { label: 'Duplicate orders', short: 'Duplicates', testId: 'm-duplicates', bad: true, read: (s) => s.counters.duplicateOrders },
  burst: { label: 'Reconnects in one second (peak)', short: 'Reconnect peak', testId: 'm-burst', bad: true, read: (s) => s.counters.maxReconnectBurst },
  revoked: { label: 'Revoked tokens accepted', short: 'Revoked accepted', testId: 'm-revoked', bad: true, read: (s) => s.counters.revokedTokenAccepted },
}

/** The six tiles of the full panel (those already in the strip are left out there). */
export const PANEL_METRICS: readonly MetricId[] = ['logouts', 'carts', 'sessions', 'failed', 'imbalance', 'p95']

/** Each scenario's own figure(s), shown beside unexpected logouts. */
export const KEY_FIGURES: Record<ScenarioId, readonly MetricId[]> = {
  'scale-out-no-affinity': ['carts'],
  'cookie-affinity': ['imbalance'],
  'affinity-ttl-expiry': ['remaps'],
  'ip-hash-nat-hotspot': ['imbalance'],
  'mobile-ip-change': ['remaps'],
  'header-spoofing': ['imbalance'],
  'consistent-hash-scaling': ['remaps'],
  'websocket-affinity': ['burst'],
  'crash-sticky-memory': ['sessions', 'failed'],
  'heavy-users-hotspot': ['imbalance'],
  'autoscale-sticky': ['imbalance'],
  'rolling-deploy': ['sessions'],
  'one-hot-backend': ['p95'],
  'shared-store': ['p95'],
  'database-store': ['p95'],
  'store-outage': ['failed'],
  'jwt-tokens': ['carts', 'revoked'],
  'retry-duplicates': ['duplicates'],
  'migration-plan': ['failed'],
}

/** What the strip shows for a scenario: unexpected logouts first, then the scenario's own figures. */
export function stripMetrics(scenario: ScenarioId): readonly MetricId[] {
  return ['logouts', ...KEY_FIGURES[scenario].filter((x) => x !== 'logouts')]
}

/** "N since the switch" for a counter, after a mid-run design change (null otherwise). */
export function sinceSwitch(def: MetricDef, sim: SimState, mark: { readonly counters: SimState['counters'] } | null): number | null {
  return mark && def.counter ? sim.counters[def.counter] - mark.counters[def.counter] : null
}
