// The animated stage: users (left), the load balancer (centre), servers and the session store
// (right), with requests drawn between them. On narrow screens it flows top to bottom.

import { useRef } from 'react'
import { useReducedMotion } from 'framer-motion'
import { usePrefs } from '../../store/prefs.ts'
import { LbNode } from './LbNode.tsx'
import { RequestLayer } from './RequestLayer.tsx'
import { ServersColumn } from './ServersColumn.tsx'
import { useAnchors } from './useAnchors.ts'
import { UsersColumn } from './UsersColumn.tsx'

export function Stage() {
  const root = useRef<HTMLDivElement>(null)
  const anchors = useAnchors(root)
  const systemReduced = useReducedMotion() ?? false
  const appReduced = usePrefs((p) => p.reduceMotion === 'on')
  return (
    <div ref={root} className="@container relative" data-testid="stage">
      <div className="grid grid-cols-1 gap-6 @2xl:grid-cols-[minmax(0,1fr)_11rem_minmax(0,1.2fr)] @2xl:gap-8">
        <UsersColumn />
        <LbNode />
        <ServersColumn />
      </div>
      <RequestLayer anchors={anchors} reduced={systemReduced || appReduced} />
    </div>
  )
}
