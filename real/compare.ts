// Real against simulated: the report's figures side by side, and which differ. On the model's clock
// every figure must be equal; on the wall clock the user-facing losses (logouts, lost carts, lost
// sessions) must still be equal and the rest may differ by 1 or 1 % (timing is the wall's).

import type { RunReport } from '../src/sim/report.ts'

export type Strictness = 'exact' | 'tolerant'

export interface Row {
  readonly name: string
  readonly real: number | string
  readonly simulated: number | string
  readonly same: boolean
}

/** Figures that must match exactly even on the wall clock. */
const ALWAYS_EXACT = new Set(['unexpected logouts', 'carts lost', 'sessions lost'])

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, 0.01 * Math.max(Math.abs(a), Math.abs(b)))
}

export function compareReports(real: RunReport, sim: RunReport, strictness: Strictness = 'exact'): Row[] {
  const rows: Row[] = []
  const num = (name: string, a: number, b: number, fuzzy = true): void => {
    const same = a === b || (strictness === 'tolerant' && fuzzy && !ALWAYS_EXACT.has(name) && close(a, b))
    rows.push({ name, real: a, simulated: b, same })
  }
  num('requests', real.requests.total, sim.requests.total)
  num('ok', real.requests.ok, sim.requests.ok)
  num('failed', real.requests.failed, sim.requests.failed)
  num('retried', real.requests.retried, sim.requests.retried)
  num('unexpected logouts', real.unexpectedLogouts, sim.unexpectedLogouts)
  num('carts lost', real.cartsLost, sim.cartsLost)
  num('sessions lost', real.sessionsLost, sim.sessionsLost)
  num('duplicate orders', real.duplicateOrders, sim.duplicateOrders)
  num('affinity remaps', real.affinityRemaps, sim.affinityRemaps)
  num("revoked token ok'd", real.revokedTokenAccepted, sim.revokedTokenAccepted)
  if (strictness === 'exact') {
    num('latency p50 (ms)', real.latencyMs.p50, sim.latencyMs.p50)
    num('latency p95 (ms)', real.latencyMs.p95, sim.latencyMs.p95)
    num('imbalance', real.imbalance, sim.imbalance)
  }
  const ids = [...new Set([...real.servers.map((s) => s.id), ...sim.servers.map((s) => s.id)])].sort()
  for (const id of ids) {
    const a = real.servers.find((s) => s.id === id)
    const b = sim.servers.find((s) => s.id === id)
    rows.push({ name: `${id} status`, real: a?.status ?? '—', simulated: b?.status ?? '—', same: a?.status === b?.status })
    num(`${id} requests`, a?.requests ?? 0, b?.requests ?? 0)
    if (strictness === 'exact') num(`${id} utilisation`, a?.utilization ?? 0, b?.utilization ?? 0)
    num(`${id} sessions`, a?.sessions ?? 0, b?.sessions ?? 0)
  }
  return rows
}

/** The figures that differ, in one line: "A requests 306≠310, …" (empty when they all agree). */
export function differences(rows: readonly Row[]): string {
  return rows
    .filter((r) => !r.same)
    .map((d) => `${d.name} ${d.real}≠${d.simulated}`)
    .join(', ')
}

export function formatComparison(rows: readonly Row[], heading: string): string {
  const w = Math.max(...rows.map((r) => r.name.length), 8)
  const lines = [heading, '', `${''.padEnd(w)}  ${'real'.padStart(10)}  ${'simulated'.padStart(10)}`]
  for (const r of rows) lines.push(`${r.name.padEnd(w)}  ${String(r.real).padStart(10)}  ${String(r.simulated).padStart(10)}${r.same ? '' : '   ✗ differs'}`)
  const diff = rows.filter((r) => !r.same).length
  lines.push('', diff === 0 ? 'real and simulated agree' : `${diff} figure${diff === 1 ? '' : 's'} differ`)
  return lines.join('\n') + '\n'
}
