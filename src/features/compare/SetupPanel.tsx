// What is compared: a preset (the comparisons the lessons point at) or your own choice of scenario,
// users and designs. Every change goes into the URL.

import { SCENARIO_LIST, SCENARIOS, type ScenarioId } from '../../lab-ui/engine.ts'
import { SCENARIO_WATCH } from '../../lab-ui/content/scenarioWatch.ts'
import { Button } from '../../components/Button.tsx'
import { Select } from '../../components/Select.tsx'
import { useCompare } from './CompareContext.tsx'
import { sameDesign, type Design } from './design.ts'
import { PRESET_IDS, PRESETS, type PresetId } from './presets.ts'
import { useEditSetup } from './useEditSetup.ts'
import { MAX_COLUMNS, presetOf, presetSetup } from './urlCodec.ts'

const USER_CHOICES = [12, 25, 50, 100, 200] as const

/** Designs offered when a column is added, in order: the first one not already on screen. */
const NEXT_DESIGNS: readonly Design[] = [
  { policy: 'cookie', storage: 'memory' },
  { policy: 'round-robin', storage: 'shared' },
  { policy: 'cookie', storage: 'jwt' },
  { policy: 'hash-consistent', storage: 'memory' },
  { policy: 'round-robin', storage: 'database' },
  { policy: 'ip-hash', storage: 'memory' },
]

export function SetupPanel() {
  const edit = useEditSetup()
  const scenario = useCompare((s) => s.scenario)
  const users = useCompare((s) => s.users)
  const columns = useCompare((s) => s.columns)
  const designs = columns.map((c) => c.design)
  const preset = presetOf({ scenario, designs, ...(users !== null ? { users } : {}) })
  const watch = preset ? PRESETS[preset].watch : SCENARIO_WATCH[scenario]
  const keep = (patch: { scenario?: ScenarioId; users?: number | null }) => {
    const u = patch.users === undefined ? users : patch.users
    edit.load({ scenario: patch.scenario ?? scenario, designs, ...(u !== null ? { users: u } : {}) })
  }
  const nextDesign = NEXT_DESIGNS.find((d) => !designs.some((x) => sameDesign(x, d))) ?? NEXT_DESIGNS[0]!

  return (
    <section aria-label="What to compare" className="flex flex-col gap-2 rounded-xl border border-line bg-card p-2.5">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,18rem)_minmax(0,22rem)_minmax(0,10rem)_auto] lg:items-end">
        <Select<PresetId | 'custom'> label="Preset" value={preset ?? 'custom'} onChange={(v) => v !== 'custom' && edit.load(presetSetup(v))}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESETS[id].title}
            </option>
          ))}
          {preset === null && <option value="custom">Your own comparison</option>}
        </Select>
        <Select<ScenarioId> label="Scenario (same for every design)" value={scenario} onChange={(v) => keep({ scenario: v })}>
          {SCENARIO_LIST.map((sc) => (
            <option key={sc.id} value={sc.id}>
              {sc.title}
            </option>
          ))}
        </Select>
        <Select label="Users" value={users === null ? '' : String(users)} onChange={(v) => keep({ users: v === '' ? null : Number(v) })}>
          <option value="">Scenario’s ({SCENARIOS[scenario].config.users ?? 12})</option>
          {USER_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button onClick={() => edit.addColumn(nextDesign)} disabled={columns.length >= MAX_COLUMNS} className="justify-self-start">
          + Add a design
        </Button>
      </div>
      <p className="text-sm" data-testid="compare-watch">
        <span className="font-semibold">Watch: </span>
        {watch}
      </p>
    </section>
  )
}
