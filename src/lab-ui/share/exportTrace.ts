// The JSON trace of a run: what happened (the bounded recent trace, oldest first, each event with its
// time and plain sentence), the script that made it happen and the counters at the end — enough to
// cite in a bug report or a class discussion, and to reopen the moment (the share link inside).

import { SCENARIOS } from '../../sim/scenarios/index.ts'
import { formatClock, latestTrace } from '../../sim/trace.ts'
import type { LabState } from '../../store/labStore.ts'
import { SHARE_VERSION } from '../links/limits.ts'

export const TRACE_FORMAT = 'sticky-sessions-lab/trace'

export function traceJson(state: Pick<LabState, 'scenarioId' | 'seed' | 'overrides' | 'timeline' | 'sim'>, shareLink: string) {
  const { sim } = state
  const trace = latestTrace(sim).reverse()
  return {
    format: TRACE_FORMAT,
    version: SHARE_VERSION,
    scenario: { id: state.scenarioId, title: SCENARIOS[state.scenarioId].title },
    seed: state.seed,
    overrides: state.overrides,
    at: sim.now,
    clock: formatClock(sim.now),
    shareLink,
    config: sim.config,
    script: state.timeline.script.map((x) => ({ at: x.at, clock: formatClock(x.at), by: x.by === 'scenario' ? 'scenario' : 'learner', do: x.do })),
    counters: { ...sim.counters },
    servers: sim.servers
      .filter((s) => s.status !== 'removed')
      .map((s) => ({ id: s.id, status: s.status, healthy: s.healthy, requests: s.requests, errors: s.errors, sessionsInMemory: s.memory.size })),
    trace: trace.map((e) => ({
      seq: e.seq,
      t: e.t,
      clock: formatClock(e.t),
      kind: e.kind,
      text: e.text,
      ...(e.user !== undefined ? { user: sim.users[e.user]?.name ?? e.user } : {}),
      ...(e.server !== undefined ? { server: e.server } : {}),
      ...(e.request !== undefined ? { request: e.request } : {}),
    })),
  }
}

export function traceFileName(state: Pick<LabState, 'scenarioId' | 'sim'>, ext: string): string {
  const t = formatClock(state.sim.now).replace(/[:.]/g, '-')
  return `sticky-sessions-${state.scenarioId}-${t}.${ext}`
}
