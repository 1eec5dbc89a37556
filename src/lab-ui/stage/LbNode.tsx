// The load balancer: the policy in plain words with its real default, and the decision it made for
// the latest request ("cookie AWSALB says B → B", "ip_hash(203.0.113.x) → …", "B is unavailable → …").

import { findRequest } from '../../sim/inflight.ts'
import { ROUTING_POLICIES } from '../../sim/policies/registry.ts'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab } from '../../store/LabContext.tsx'

export function LbNode() {
  const describe = useLab((s) => ROUTING_POLICIES[s.sim.config.policy].describe(s.sim.config))
  // Select the request record itself: its identity only changes when it does (copy-on-write).
  const decision = useThrottledLab((s) => {
    const r = findRequest(s.sim, s.sim.lastRouted) ?? s.sim.recent[s.sim.recent.length - 1]
    return r && r.decision !== '' ? { who: s.sim.users[r.user]?.name ?? '', text: r.decision, explain: r.explain } : null
  }, 150)
  // The box and its words sit above the request canvas (z-10, opaque), so trails converge *into* the
  // LB instead of scribbling over its label and the latest decision.
  return (
    <section aria-label="Load balancer" className="flex flex-col items-center gap-2 text-center">
      <div data-anchor="lb" className="relative z-10 flex h-14 w-14 items-center justify-center rounded-xl border-2 border-ink bg-card text-xs font-bold" aria-hidden="true">
        LB
      </div>
      <div className="relative z-10 flex w-full flex-col items-center gap-1 rounded-md bg-card px-1 py-0.5">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Load balancer</h3>
        <p className="text-xs" data-testid="lb-policy">
          {describe}
        </p>
      </div>
      <div className="relative z-10 w-full rounded-md border border-line bg-soft p-2 text-left text-xs" data-testid="lb-decision">
        <p className="font-semibold text-muted">Latest decision</p>
        {decision ? (
          <>
            <p className="mt-0.5 break-words">
              <span className="font-medium">{decision.who}:</span> {decision.text}
            </p>
            {decision.explain.length > 0 && (
              <details className="mt-1">
                <summary className="cursor-pointer text-muted">How nginx got there</summary>
                <ol className="mt-1 list-decimal pl-4 font-mono text-[11px]">
                  {decision.explain.map((st, i) => (
                    <li key={i}>{st}</li>
                  ))}
                </ol>
              </details>
            )}
          </>
        ) : (
          <p className="mt-0.5 text-muted">No request yet.</p>
        )}
      </div>
    </section>
  )
}
