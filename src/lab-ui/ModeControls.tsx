// The toggle the product is about — Sticky (cookie affinity + server memory) vs Stateless (round
// robin + shared store) — and the two detailed pickers behind it. Changes apply to the running
// simulation as interventions at the current moment.

import { POLICIES } from '../sim/policies/registry.ts'
import { POLICY_IDS, STORAGE_KINDS, type PolicyId, type StorageKind } from '../sim/types.ts'
import { Segmented } from '../components/Segmented.tsx'
import { Select } from '../components/Select.tsx'
import { modeOf } from '../store/labStore.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'

const STORAGE_LABEL: Record<StorageKind, string> = {
  memory: 'Server memory',
  shared: 'Shared store (Redis-like, ≈1 ms)',
  database: 'Database (≈5 ms)',
  jwt: 'JWT token (+ carts in memory)',
}

/** `part`: the whole block, only the Sticky/Stateless toggle (compact layouts keep it by the stage), or only what is behind it. */
export function ModeControls({ part = 'all' }: { part?: 'all' | 'toggle' | 'pickers' }) {
  const store = useLabStore()
  const mode = useLab((s) => modeOf(s.sim))
  const policy = useLab((s) => s.sim.config.policy)
  const storage = useLab((s) => s.sim.config.storage)
  const describe = useLab((s) => POLICIES[s.sim.config.policy].describe(s.sim.config))
  const { intervene, setMode } = store.getState()
  return (
    <div className="flex flex-col gap-3" data-part={part}>
      <div className={`flex flex-wrap items-end gap-3 ${part === 'pickers' ? 'hidden' : ''}`}>
        <Segmented
          label="Design"
          value={mode === 'custom' ? null : mode}
          onChange={(m) => setMode(m)}
          options={[
            { value: 'sticky', label: 'Sticky', hint: 'Cookie affinity + sessions in server memory' },
            { value: 'stateless', label: 'Stateless', hint: 'Round robin + sessions in a shared store' },
          ]}
        />
        {mode === 'custom' && (
          <span className="pb-2 text-sm text-muted" data-testid="custom-design">
            Now: {POLICIES[policy].label.toLowerCase()} + {STORAGE_LABEL[storage].toLowerCase()}
          </span>
        )}
      </div>
      <div className={`grid gap-3 sm:grid-cols-2 ${part === 'toggle' ? 'hidden' : ''}`}>
        <Select<StorageKind> label="Where do sessions live?" value={storage} onChange={(v) => intervene({ kind: 'setStorage', storage: v })}>
          {STORAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {STORAGE_LABEL[k]}
            </option>
          ))}
        </Select>
        <Select<PolicyId> label="How does the LB route?" value={policy} onChange={(v) => intervene({ kind: 'setPolicy', policy: v })}>
          {POLICY_IDS.map((p) => (
            <option key={p} value={p}>
              {POLICIES[p].label}
            </option>
          ))}
        </Select>
      </div>
      <p className={`text-xs text-muted ${part === 'toggle' ? 'hidden' : ''}`} data-testid="policy-description">
        {describe}
      </p>
    </div>
  )
}
