// A complete lab instance: scenario, design toggle, playback, the stage (or the table view), metrics,
// controls and the event log. `controls` trims it for lessons and embeds. Must sit inside a
// <LabProvider>; the provider's store is the only state.

import { useCallback, useId, useState } from 'react'
import { prefs, usePrefs } from '../store/prefs.ts'
import type { ScenarioId } from '../sim/scenarios/index.ts'
import { Segmented } from '../components/Segmented.tsx'
import { Toggle } from '../components/Toggle.tsx'
import { useMediaQuery } from '../components/useMediaQuery.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { usePlayback } from '../store/usePlayback.ts'
import { AdvancedControls } from './AdvancedControls.tsx'
import { Announcer } from './Announcer.tsx'
import { DesignSwitchNote } from './DesignSwitchNote.tsx'
import { EventLog } from './EventLog.tsx'
import { MetricsPanel } from './MetricsPanel.tsx'
import { ModeControls } from './ModeControls.tsx'
import { PlaybackBar } from './PlaybackBar.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { ShortcutsDialog, useShortcutKeys } from './Shortcuts.tsx'
import { Stage } from './stage/Stage.tsx'
import { UserDetail } from './stage/UserDetail.tsx'
import { TableView } from './TableView.tsx'
import { TrafficControls } from './TrafficControls.tsx'
import { ShareMenu } from './share/ShareMenu.tsx'

export type ControlsLevel = 'full' | 'minimal' | 'none'

export function Lab({ controls = 'full', picker = true, onScenarioChange, label = 'Lab' }: { controls?: ControlsLevel; picker?: boolean; onScenarioChange?: (id: ScenarioId) => void; label?: string }) {
  const store = useLabStore()
  usePlayback(store)
  const view = useLab((s) => s.view)
  const [help, setHelp] = useState(false)
  const openHelp = useCallback(() => setHelp(true), [])
  const onKeyDown = useShortcutKeys(store, openHelp)
  const full = controls === 'full'
  const wide = useMediaQuery('(min-width: 1280px)')
  const trafficId = useId()

  return (
    <div role="region" aria-label={label} tabIndex={0} onKeyDown={onKeyDown} className="flex flex-col gap-4 rounded-xl outline-offset-4" data-testid="lab">
      <Announcer />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      {(picker || controls !== 'none') && (
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
          {picker && <ScenarioPicker {...(onScenarioChange ? { onChange: onScenarioChange } : {})} />}
          {controls !== 'none' && (
            <div className="lg:w-[28rem]">
              <ModeControls />
            </div>
          )}
        </div>
      )}
      <div className="sticky top-0 z-10 -mx-2 rounded-lg bg-page px-2 py-1">
        <PlaybackBar compact={!full} />
      </div>
      {/* Phones: stage, metrics, controls, log. Wide screens: stage and controls left, metrics and log right. */}
      <div className={full ? 'grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem] xl:grid-rows-[auto_1fr]' : 'flex flex-col gap-4'}>
        <div className="flex min-w-0 flex-col gap-3">
          {controls !== 'none' && (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <Segmented
                label="View"
                hideLabel
                value={view}
                onChange={(v) => store.getState().setView(v)}
                options={[
                  { value: 'stage', label: 'Animated stage' },
                  { value: 'table', label: 'Table view' },
                ]}
              />
              {full && <LabSettings onHelp={openHelp} />}
              {full && <ShareMenu />}
            </div>
          )}
          <DesignSwitchNote />
          <div className="rounded-xl border border-line bg-card p-3 sm:p-4">{view === 'stage' ? <Stage /> : <TableView />}</div>
        </div>
        {controls !== 'none' && (
          <aside className="flex min-w-0 flex-col gap-4 xl:row-span-2" aria-label="Metrics and events">
            <UserDetail />
            <MetricsPanel />
            {full && wide && <EventLog />}
          </aside>
        )}
        {full && (
          <div className="grid min-w-0 gap-4 md:grid-cols-2">
            <section aria-labelledby={trafficId} className="rounded-xl border border-line bg-card p-3">
              <h2 id={trafficId} className="mb-2 text-sm font-semibold">
                Traffic and servers
              </h2>
              <TrafficControls />
            </section>
            <details className="rounded-xl border border-line bg-card p-3">
              <summary className="cursor-pointer text-sm font-semibold">More knobs: TTL, failover, headers, canary, tokens…</summary>
              <div className="mt-3">
                <AdvancedControls />
              </div>
            </details>
          </div>
        )}
        {full && !wide && <EventLog />}
      </div>
    </div>
  )
}

function LabSettings({ onHelp }: { onHelp(): void }) {
  const reduce = usePrefs((p) => p.reduceMotion === 'on')
  const shortcuts = usePrefs((p) => p.shortcuts)
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Toggle label="Reduce motion" checked={reduce} onChange={(on) => prefs.getState().setReduceMotion(on ? 'on' : 'system')} />
      <Toggle label="Keyboard shortcuts" checked={shortcuts} onChange={(on) => prefs.getState().setShortcuts(on)} />
      <button type="button" onClick={onHelp} className="text-sm text-accent underline" aria-keyshortcuts="?">
        Shortcuts help
      </button>
    </div>
  )
}
