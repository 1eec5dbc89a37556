// Pick one of the 19 scenarios; its one-line "what to watch" sits right under the picker.

import { SCENARIOS, SCENARIO_IDS, type ScenarioId } from '../sim/scenarios/index.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { Select } from '../components/Select.tsx'
import { SCENARIO_WATCH } from './content/scenarioWatch.ts'

const GROUPS: readonly { label: string; ids: readonly ScenarioId[] }[] = [
  { label: 'The problem', ids: ['scale-out-no-affinity', 'cookie-affinity', 'affinity-ttl-expiry'] },
  { label: 'Sticky techniques and their failure modes', ids: ['ip-hash-nat-hotspot', 'mobile-ip-change', 'header-spoofing', 'consistent-hash-scaling', 'websocket-affinity'] },
  { label: 'The risks', ids: ['crash-sticky-memory', 'heavy-users-hotspot', 'autoscale-sticky', 'rolling-deploy', 'one-hot-backend'] },
  { label: 'Stateless designs', ids: ['shared-store', 'database-store', 'store-outage', 'jwt-tokens', 'retry-duplicates', 'migration-plan'] },
]

export function ScenarioPicker({ onChange }: { onChange?: (id: ScenarioId) => void }) {
  const store = useLabStore()
  const id = useLab((s) => s.scenarioId)
  return (
    <div className="min-w-0 flex-1">
      <Select
        label="Scenario"
        value={id}
        onChange={(next) => {
          store.getState().load({ scenario: next })
          onChange?.(next)
        }}
      >
        {GROUPS.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.ids.map((x) => (
              <option key={x} value={x}>
                {SCENARIOS[x].title}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <p className="mt-1 text-sm text-muted" data-testid="watch">
        <span className="font-semibold text-ink">Watch: </span>
        {SCENARIO_WATCH[id]}
      </p>
    </div>
  )
}

// Every scenario is reachable from the picker.
export const PICKER_IDS: readonly ScenarioId[] = GROUPS.flatMap((g) => g.ids)
if (PICKER_IDS.length !== SCENARIO_IDS.length) throw new Error('ScenarioPicker: a scenario is missing from the groups')
