// The animated stage: users, the load balancer, servers and the session store, with requests drawn
// between them. It fills the box its parent gives it and never scrolls: it measures that box and lays
// itself out to fit (stagePlan.ts) — users | LB | servers side by side when there is room, a band of
// users over the LB and a row of server tiles when not, with smaller sizes as the box shrinks.
// Strict containment keeps its many small changes (chips, bars, words) from re-laying out the rest
// of the page; its card is a layer of its own (Lab.tsx), so they don't repaint the page either.

import { useMemo, useRef } from 'react'
import { useLab } from '../../store/LabContext.tsx'
import { useReducedMotion } from '../useReducedMotion.ts'
import { useElementSize } from '../useElementSize.ts'
import { LbNode } from './LbNode.tsx'
import { RequestLayer } from './RequestLayer.tsx'
import { ServersColumn } from './ServersColumn.tsx'
import { storeShown } from './sessionChips.ts'
import { planStage, type StagePlan } from './stagePlan.ts'
import { useAnchors } from './useAnchors.ts'
import { UsersColumn } from './UsersColumn.tsx'

export function Stage() {
  const root = useRef<HTMLDivElement>(null)
  const anchors = useAnchors(root, { fixed: true })
  const reduced = useReducedMotion()
  const size = useElementSize(root)
  const users = useLab((s) => s.sim.users.reduce((n, u) => (u.left ? n : n + 1), 0))
  const servers = useLab((s) => s.sim.servers.reduce((n, x) => (x.status === 'removed' ? n : n + 1), 0))
  const store = useLab((s) => storeShown(s.sim.config))
  const plan = useMemo(() => planStage({ width: size.width, height: size.height, users, servers, store }), [size.width, size.height, users, servers, store])
  return (
    <div
      ref={root}
      className="relative grid h-full min-h-0 w-full min-w-0 overflow-hidden [contain:strict]"
      style={gridOf(plan)}
      data-testid="stage"
      data-layout={plan.layout}
      data-users={plan.users.tier}
      data-servers={plan.servers.tier}
      data-cramped={plan.cramped || undefined}
    >
      <UsersColumn plan={plan.users} heading={plan.headings} />
      <LbNode tier={plan.lb} />
      <ServersColumn plan={plan.servers} heading={plan.headings} storeH={plan.storeH} />
      <RequestLayer anchors={anchors} reduced={reduced} />
    </div>
  )
}

function gridOf(plan: StagePlan): React.CSSProperties {
  const [a, b, c] = plan.tracks
  // Proportions rather than pixels for the flexible tracks, so rounding can never overflow the box.
  return plan.layout === 'wide'
    ? { gridTemplateColumns: `minmax(0, ${a}fr) ${b}px minmax(0, ${c}fr)`, gridTemplateRows: 'minmax(0, 1fr)', columnGap: plan.gap }
    : { gridTemplateRows: `${a}px ${b}px minmax(0, 1fr)`, gridTemplateColumns: 'minmax(0, 1fr)', rowGap: plan.gap }
}
