// The toggle the product is about — Sticky vs Stateless — and the two detailed pickers behind it.
// Sticky is any routing that pins users with sessions in server memory (cookie, ip_hash, a hash, a
// header, ClientIP); Stateless is routing free to pick any server with sessions outside them; the
// line under the toggle names the kind, or the mix (store/design.ts). Changes apply to the running
// simulation as interventions at the current moment; "Scenario defaults" restarts with the
// scenario's own design. The design's name and the pickers (ModePickers.tsx) come as `children`
// from LabPageParts.tsx, which loads on demand: a compact lab or an embed shows only the toggle at
// first paint.

import { Button } from '../components/Button.tsx'
import { Segmented } from '../components/Segmented.tsx'
import { designChanged } from '../store/designSwitch.ts'
import { modeOf } from '../store/labStore.ts'
import type { ReactNode } from 'react'
import { useLab, useLabStore } from '../store/LabContext.tsx'

/** `part`: the whole block, only the toggle (compact layouts keep it by the stage), or the rest: the design's name and the pickers (`children`). */
export function ModeControls({ part = 'all', children }: { part?: 'all' | 'toggle' | 'pickers'; children?: ReactNode }) {
  const store = useLabStore()
  const mode = useLab((s) => modeOf(s.sim))
  const changed = useLab(designChanged)
  // A switch whose routing code is on its way shows at once (the run changes when it lands): a press is never seemingly ignored.
  const pending = useLab((s) => s.pendingMode)
  const { setMode, restoreDefaults } = store.getState()
  return (
    <div className="flex flex-col gap-3" data-mode-controls data-part={part}>
      {part !== 'pickers' && (
        <div className="flex flex-wrap items-end gap-x-3 gap-y-1">
          <Segmented
            label="Design"
            value={pending ?? (mode === 'custom' ? null : mode)}
            onChange={(m) => setMode(m)}
            options={[
              { value: 'sticky', label: 'Sticky', hint: 'Any affinity that pins users, with sessions in server memory (one click: the load balancer’s own affinity)' },
              { value: 'stateless', label: 'Stateless', hint: 'Routing free to pick any server, with sessions outside them (one click: round robin + shared store)' },
            ]}
          />
          <Button size="sm" look="ghost" onClick={restoreDefaults} disabled={!changed} title="Restart at 0:00 with the design this lab opened with: the scenario’s own, plus any settings its link or lesson gave it" className="mb-1">
            Scenario defaults
          </Button>
        </div>
      )}
      {part !== 'toggle' && children}
    </div>
  )
}
