// What a lab shows beyond its first screen, loaded on demand (labParts.ts): the desk arrangement's
// two columns (a full page lab at least DESK_MIN wide), the sections below a compact lab's first
// screen (scenario, pickers, knobs, metrics, the event log), and an embed's "More controls" sheet.
// An embed at first paint needs none of it (first-load budget, docs/DECISIONS.md 2026-11-30).
// Layout rules: docs/ARCHITECTURE.md "Lab layout".

import { lazy, Suspense, useId, useState, type CSSProperties, type ReactNode } from 'react'
import type { ScenarioId } from '../sim/scenarios/index.ts'
import { ConfigForDesign } from './config/ConfigForDesign.tsx'
import { ModeControls } from './ModeControls.tsx'
import { ModePickers } from './ModePickers.tsx'
import { WhenNear } from './WhenNear.tsx'

const MetricsPanel = lazy(() => import('./MetricsPanel.tsx').then((m) => ({ default: m.MetricsPanel })))
const Sheet = lazy(() => import('./Sheet.tsx').then((m) => ({ default: m.Sheet })))
const ScenarioPicker = lazy(() => import('./ScenarioPicker.tsx').then((m) => ({ default: m.ScenarioPicker })))
const LabSettings = lazy(() => import('./LabSettings.tsx').then((m) => ({ default: m.LabSettings })))
const ShareMenu = lazy(() => import('./share/ShareMenu.tsx').then((m) => ({ default: m.ShareMenu })))
const EventLog = lazy(() => import('./EventLog.tsx').then((m) => ({ default: m.EventLog })))
const TrafficControls = lazy(() => import('./TrafficControls.tsx').then((m) => ({ default: m.TrafficControls })))
const AdvancedControls = lazy(() => import('./AdvancedControls.tsx').then((m) => ({ default: m.AdvancedControls })))

/** The desk: scenario, playback and the stage on the left with the knobs below; design, metrics and the log on the right. */
export function LabDesk({ picker, onScenarioChange, screenStyle, playback, card, selectedUser }: { picker: boolean; onScenarioChange: ((id: ScenarioId) => void) | undefined; screenStyle: CSSProperties | undefined; playback: ReactNode; card: ReactNode; selectedUser: ReactNode }) {
  return (
    <div className="flex items-start gap-4">
      <div className="flex min-w-0 flex-1 flex-col gap-4">
        <div className="lab-screen flex flex-col gap-3" style={screenStyle} data-testid="lab-screen">
          {picker && (
            // Its code loads with the page; the placeholder keeps the stage's height from jumping.
            <div className="flex min-h-[5.25rem] shrink-0">
              <Suspense fallback={null}>
                <ScenarioPicker {...(onScenarioChange ? { onChange: onScenarioChange } : {})} />
              </Suspense>
            </div>
          )}
          {playback}
          {card}
        </div>
        <Knobs />
        <ConfigForDesign />
      </div>
      {/* Its own layer, its own layout: the log and metrics changing a few times a second don't repaint the page. */}
      <aside className="flex w-[22rem] shrink-0 flex-col gap-4 [contain:layout_paint] [will-change:transform]" aria-label="Design, metrics and events">
        {selectedUser}
        <section aria-label="Design" className="rounded-xl border border-line bg-card p-3">
          <ModeControls>
            <ModePickers />
          </ModeControls>
        </section>
        <Suspense fallback={null}>
          <MetricsPanel />
          <EventLog />
        </Suspense>
      </aside>
    </div>
  )
}

/** A compact lab's sections below its first screen; the live panels render only when scrolled near (WhenNear). */
export function BelowScreen({ id, picker, full, onScenarioChange, onHelp }: { id: string; picker: boolean; full: boolean; onScenarioChange: ((id: ScenarioId) => void) | undefined; onHelp(): void }) {
  return (
    <div id={id} className="mt-4 flex flex-col gap-4" tabIndex={-1} data-testid="lab-more">
      {picker && (
        <Suspense fallback={null}>
          <ScenarioPicker {...(onScenarioChange ? { onChange: onScenarioChange } : {})} />
        </Suspense>
      )}
      <section aria-label="Design details">
        <ModeControls part="pickers">
          <ModePickers />
        </ModeControls>
      </section>
      {full && <ConfigForDesign />}
      {full && (
        <div className="flex flex-wrap items-center gap-3">
          <Suspense fallback={null}>
            <LabSettings onHelp={onHelp} />
            <ShareMenu />
          </Suspense>
        </div>
      )}
      <WhenNear estimate={360}>
        <Suspense fallback={null}>
          <MetricsPanel />
        </Suspense>
      </WhenNear>
      {full && (
        <WhenNear estimate={640}>
          <Knobs />
          <Suspense fallback={null}>
            <EventLog />
          </Suspense>
        </WhenNear>
      )}
    </div>
  )
}

/** An embed with full controls: the rest, in a sheet over the frame (so the frame itself never scrolls). */
export function MoreSheetBody({ open, onClose, titleId }: { open: boolean; onClose(): void; titleId: string }) {
  return (
    <Suspense fallback={null}>
      <Sheet open={open} onClose={onClose} titleId={titleId} title="More controls">
        <ModeControls part="pickers">
          <ModePickers />
        </ModeControls>
        <ConfigForDesign />
        <MetricsPanel />
        <Knobs />
        <ShareMenu />
        <EventLog />
      </Sheet>
    </Suspense>
  )
}

/** Traffic and servers, and the finer knobs (loaded when first opened). */
function Knobs() {
  const trafficId = useId()
  const [opened, setOpened] = useState(false)
  return (
    <div className="grid min-w-0 gap-4 md:grid-cols-2">
      <section aria-labelledby={trafficId} className="rounded-xl border border-line bg-card p-3">
        <h2 id={trafficId} className="mb-2 text-sm font-semibold">
          Traffic and servers
        </h2>
        <Suspense fallback={null}>
          <TrafficControls />
        </Suspense>
      </section>
      <details className="rounded-xl border border-line bg-card p-3" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary className="cursor-pointer text-sm font-semibold">More knobs: TTL, failover, headers, canary, tokens…</summary>
        <div className="mt-3">
          {opened && (
            <Suspense fallback={<p className="text-sm text-muted">Loading…</p>}>
              <AdvancedControls />
            </Suspense>
          )}
        </div>
      </details>
    </div>
  )
}
