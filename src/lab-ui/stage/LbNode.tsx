// The load balancer: the policy in plain words with its real default, and the decision it made for
// the latest request ("cookie AWSALB says B → B", "ip_hash(203.0.113.x) → …", "B is unavailable → …").
// Its size comes from the stage plan: a card in the middle column (full, compact, or just the box),
// or a row between the users and the servers. Everything with words is a keep-out area for the
// request canvas (`data-keepout`): the lines stop at its edge instead of crossing the text.

import { findRequest } from '../../sim/inflight.ts'
import { ROUTING_POLICIES } from '../../sim/policies/registry.ts'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab } from '../../store/LabContext.tsx'
import type { LbTier } from './stagePlan.ts'

interface Decision {
  who: string
  text: string
  steps: readonly string[]
}

export function LbNode({ tier }: { tier: LbTier }) {
  const describe = useLab((s) => ROUTING_POLICIES[s.sim.config.policy].describe(s.sim.config))
  // Select the request record itself: its identity only changes when it does (copy-on-write).
  const decision = useThrottledLab((s) => {
    const r = findRequest(s.sim, s.sim.lastRouted) ?? s.sim.recent[s.sim.recent.length - 1]
    return r && r.decision !== '' ? { who: s.sim.users[r.user]?.name ?? '', text: r.decision, steps: r.explain } : null
  }, 150)
  if (tier === 'row') {
    return (
      <section aria-label="Load balancer" className="stage-lb grid min-w-0 grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-center gap-2" data-tier={tier}>
        <p className="line-clamp-2 justify-self-end text-right text-[11px] leading-tight text-muted" data-testid="lb-policy" data-keepout>
          {describe}
        </p>
        <LbBox className="h-9 w-14" />
        <div className="min-w-0 justify-self-start" data-keepout>
          <DecisionText decision={decision} clamp="line-clamp-1" />
        </div>
      </section>
    )
  }
  return (
    <section aria-label="Load balancer" className="stage-lb flex min-h-0 min-w-0 flex-col justify-center" data-tier={tier}>
      <div className="relative z-10 flex min-h-0 flex-col items-center gap-1.5 rounded-xl border-2 border-ink bg-card p-1.5 text-center" data-keepout>
        <LbBox className="h-10 w-10 border-0 bg-soft" />
        {tier === 'mini' ? (
          <p className="sr-only" data-testid="lb-policy">
            {describe}
          </p>
        ) : (
          <>
            {tier === 'full' && <h3 className="stage-heading !mb-0">Load balancer</h3>}
            <p className={`text-[11px] leading-tight ${tier === 'full' ? 'line-clamp-4' : 'line-clamp-3'}`} data-testid="lb-policy">
              {describe}
            </p>
          </>
        )}
        {tier === 'full' && (
          <div className="w-full rounded-md bg-soft p-1.5 text-left">
            <p className="text-[11px] font-semibold text-muted">Latest decision</p>
            <DecisionText decision={decision} clamp="line-clamp-4" />
          </div>
        )}
      </div>
    </section>
  )
}

function LbBox({ className }: { className: string }) {
  return (
    <div data-anchor="lb" data-keepout className={`relative z-10 flex shrink-0 items-center justify-center rounded-lg border-2 border-ink bg-card text-xs font-bold ${className}`} aria-hidden="true">
      LB
    </div>
  )
}

/**
 * The latest decision in a box of constant height (its lines are clamped, and the "How nginx got
 * there" line is kept even when empty): the load balancer's card never changes size as decisions
 * come and go, so the request canvas's keep-out areas stay where they were measured.
 */
function DecisionText({ decision, clamp }: { decision: Decision | null; clamp: 'line-clamp-1' | 'line-clamp-4' }) {
  const lines = 'h-[3.5rem]'
  return (
    <div className="min-w-0 text-[11px] leading-tight" data-testid="lb-decision">
      {decision ? (
        <>
          <p className={`${clamp} ${clamp === 'line-clamp-4' ? lines : ''} break-words`}>
            <span className="sr-only">Latest decision: </span>
            <span className="font-medium">{decision.who}:</span> {decision.text}
          </p>
          {decision.steps.length === 0 && clamp === 'line-clamp-4' && <p className="h-[1.1rem]" aria-hidden="true" />}
          {decision.steps.length > 0 && (
            <details className="relative h-[1.1rem]">
              <summary className="cursor-pointer text-muted">How nginx got there</summary>
              {/* Opens over the stage (the stage never grows or scrolls). */}
              <ol className="absolute left-0 z-30 mt-1 max-h-48 w-64 max-w-[80vw] list-decimal overflow-auto rounded-md border border-line bg-card p-2 pl-6 text-left font-mono text-[11px] shadow-lg">
                {decision.steps.map((st, i) => (
                  <li key={i}>{st}</li>
                ))}
              </ol>
            </details>
          )}
        </>
      ) : (
        <p className={`text-muted ${clamp === 'line-clamp-4' ? 'h-[4.6rem]' : ''}`}>No request yet.</p>
      )}
    </div>
  )
}
