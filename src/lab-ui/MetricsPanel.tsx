// The full metrics panel, where there is room for it: the headline tiles the strip under the stage
// doesn't already show (unexpected logouts, carts and sessions lost, failed requests, imbalance, p95),
// more counters, and a utilisation bar and a load trend per server. A counter that jumps flashes.
// Each tile's "?" explains its term (Explain.tsx); after the learner switched the design mid-run, the
// bad counters also say how many happened since the switch.

import { useId } from 'react'
import { TrendLine } from '../components/charts/TrendLine.tsx'
import { serverMetrics } from '../sim/metrics.ts'
import { serverIndex } from '../sim/servers.ts'
import { designSwitchMark } from '../store/designSwitch.ts'
import { useLab } from '../store/LabContext.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { Explain } from './Explain.tsx'
import { pct } from './format.ts'
import { METRICS, PANEL_METRICS, sinceSwitch, stripMetrics } from './metricDefs.ts'

export function MetricsPanel() {
  const sim = useThrottledLab((s) => s.sim, 200)
  const mark = useThrottledLab(designSwitchMark, 200)
  const scenario = useLab((s) => s.scenarioId)
  const headingId = useId()
  const c = sim.counters
  const servers = serverMetrics(sim)
  const inStrip = new Set(stripMetrics(scenario))
  const tiles = PANEL_METRICS.filter((id) => !inStrip.has(id))
  // Per-server load over the last 30 one-second samples, on one shared scale so lines compare.
  const trend = sim.history.slice(-30)
  const top = Math.max(1, ...trend.flatMap((h) => h.load))
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-sm font-semibold">
        Metrics <span className="font-normal text-muted">(the headline figures are under the stage)</span>
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-2" data-testid="metrics">
        {tiles.map((id) => {
          const def = METRICS[id]
          const since = sinceSwitch(def, sim, mark)
          return <Metric key={id} label={def.label} term={def.term} value={def.read(sim)} bad={def.bad} testId={def.testId} {...(def.unit ? { unit: def.unit } : {})} {...(since !== null ? { since } : {})} />
        })}
      </dl>
      <details className="text-xs text-muted">
        <summary className="cursor-pointer">More counters</summary>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1">
          <dt>Requests</dt>
          <dd className="tabular text-right">{c.requests}</dd>
          <dt>Retried</dt>
          <dd className="tabular text-right">{c.retried}</dd>
          <dt>Orders</dt>
          <dd className="tabular text-right">{c.orders}</dd>
          <dt>Duplicate orders</dt>
          <dd className="tabular text-right">{c.duplicateOrders}</dd>
          <dt>Affinity remaps</dt>
          <dd className="tabular text-right">{c.affinityRemaps}</dd>
          <dt>Revoked tokens accepted</dt>
          <dd className="tabular text-right">{c.revokedTokenAccepted}</dd>
          <dt>WebSocket reconnects</dt>
          <dd className="tabular text-right">{c.reconnects}</dd>
        </dl>
      </details>
      <div>
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Utilisation (last 10 s) and load (last 30 s)</h3>
        <ul className="flex flex-col gap-1">
          {servers.map((m) => (
            <li key={m.id} className="grid grid-cols-[1.5rem_1fr_4rem_3rem] items-center gap-2 text-xs">
              <span className="font-semibold">{m.id}</span>
              <span className="h-2.5 overflow-hidden rounded-full bg-soft" role="meter" aria-label={`Server ${m.id} utilisation`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(m.utilization * 100)}>
                <span className={`block h-full rounded-full ${m.utilization > 0.85 ? 'bg-bad' : m.utilization > 0.6 ? 'bg-warn' : 'bg-accent'}`} style={{ width: pct(m.utilization) }} />
              </span>
              <TrendLine values={trend.map((h) => h.load[serverIndex(m.id)] ?? 0)} max={top} height={16} className="w-16 text-accent" label={`Server ${m.id} load, last ${trend.length} s: ${m.load.toFixed(1)} requests per second on average`} />
              <span className="tabular text-right">{pct(m.utilization)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

function Metric({ label, term, value, unit, bad = false, testId, since }: { label: string; term: string | undefined; value: number; unit?: string; bad?: boolean; testId: string; since?: number }) {
  return (
    <div className="rounded-md border border-line bg-card px-2 py-1.5">
      <dt className="-my-1 flex items-start justify-between gap-1 text-[11px] leading-tight text-muted">
        <span className="py-1">{label}</span>
        {term && <Explain id={term} label={label} className="-mr-1.5" />}
      </dt>
      <dd className="tabular text-lg font-semibold">
        <span key={value} data-testid={testId} className={`rounded px-1 ${bad && value > 0 ? 'metric-flash text-bad' : ''}`}>
          {value}
        </span>
        {unit && <span className="ml-0.5 text-xs font-normal text-muted">{unit}</span>}
        {since !== undefined && (
          <span className="block text-[11px] font-normal leading-tight text-muted" data-testid={`${testId}-since`}>
            {since} since the switch
          </span>
        )}
      </dd>
    </div>
  )
}
